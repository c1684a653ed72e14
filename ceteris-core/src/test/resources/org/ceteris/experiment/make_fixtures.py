#!/usr/bin/env python3
"""Reference values for the A/B/n scorecard (REFERENCES.md section 1), from scipy and numpy.

Run from this folder with the default python3 (numpy 2.x, scipy >= 1.11 for confidence_interval()):

    python3 make_fixtures.py && /usr/bin/python3 make_multitest_fixtures.py

Writes, next to this script:
  ab_<dataset>.csv        generated raw data, one row per unit (ab_events.csv: several rows per unit)
  ab_expected.csv         key,value reference numbers (keys documented below and in the file header)

Every value is printed with repr(), so Java parses exactly the same doubles. The Java tests read
these files; they never run Python.

Data: heavy tails (Student t with 3 df, log-normal), unequal variances per variant, unequal group
sizes and large means (>= 1e6). Dataset 'gaps' has empty and NaN cells; 'stable' has a mean of 1e7
with a standard deviation near 1 (numerical stability of the variance).

Reference calls (t = treatment arm, c = control arm, arrays after dropping missing values):
  welch    scipy.stats.ttest_ind(t, c, equal_var=False) -> statistic, pvalue, df;
           .confidence_interval(1 - alpha) -> ci_low, ci_high; estimate = t.mean() - c.mean();
           se = sqrt(t.var(ddof=1)/n_t + c.var(ddof=1)/n_c)
  relative numpy, REFERENCES section 1 delta method: r = d / c.mean();
           var_r = vt / mc**2 + mt**2 * vc / mc**4 (vt, vc = variance of each arm's mean, mt = mc + d);
           interval r +- scipy.stats.norm.ppf(1 - alpha/2) * sqrt(var_r)
  ratio    numpy: R = mean(M)/mean(D) per arm; Var(R) = (1/n)[var(M)/mD^2 - 2 mM cov(M,D)/mD^3
           + mM^2 var(D)/mD^4] (ddof=1); d = R_t - R_c; se = sqrt(Var_t + Var_c); normal p and interval
           (scipy.stats.norm); relative = d/R_c with the delta method above (mt = R_t, mc = R_c)
  cuped    numpy: theta = cov(X, Y)/var(X) on the concatenation of both arms (ddof=1);
           d = (ybar_t - ybar_c) - theta (xbar_t - xbar_c); per-arm variance of the mean
           (var(Y) + theta^2 var(X) - 2 theta cov(X, Y))/n; normal p and interval;
           variance_reduction = 1 - (vt_adj + vc_adj)/(vt + vc); relative = d/ybar_c with the delta
           method for (A - B)/C, A, B the adjusted means, C = ybar_c: var_r = (vt_adj
           + (rho^2 var(Yc) - 2 rho theta cov(Xc, Yc) + theta^2 var(Xc))/n_c) / ybar_c^2, rho = ybar_t/ybar_c
           (the adjusted and plain control means share their units; gbstats_expected.csv checks it)
  srm      scipy.stats.chisquare(observed, f_exp = total * share) -> statistic, pvalue
  power    numpy/scipy: n = (z_{1-a/2} + z_{power})^2 * 2 sd^2 / mde^2, mde = (z_{1-a/2} + z_power) sqrt(2 sd^2 / n)
"""
import os

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
ALPHA = 0.05
Z = st.norm.ppf(1 - ALPHA / 2)


def heavy(rng, n, loc, scale):
    return loc + scale * rng.standard_t(3, size=n)


def make_dataset(rng, sizes, y_loc, y_scales, effects, x_loc):
    """sizes, y_scales, effects: dict variant -> value. Returns dict of columns."""
    cols = {k: [] for k in ("unit", "variant", "y", "x", "num", "den", "conv")}
    uid = 0
    for v, n in sizes.items():
        u = rng.standard_t(3, size=n)                      # the unit's habit, heavy-tailed
        x = x_loc + y_scales["__x"] * u + 0.3 * y_scales["__x"] * rng.standard_normal(n)
        y = y_loc + effects[v] + y_scales[v] * (0.8 * u + 0.6 * rng.standard_t(4, size=n))
        den = 1.0 + rng.poisson(3.0 + (0.5 if v != sorted(sizes)[0] else 0.0), size=n)
        num = den * np.exp(rng.normal(np.log(y_loc) - 1.0, 0.9, size=n)) * (1 + effects[v] / y_loc)
        conv = (rng.random(n) < 0.3 + (0.02 if effects[v] > 0 else 0.0)).astype(float)
        cols["unit"] += [f"u{uid + i:06d}" for i in range(n)]
        uid += n
        cols["variant"] += [v] * n
        for k, arr in (("y", y), ("x", x), ("num", num), ("den", den), ("conv", conv)):
            cols[k] += list(arr)
    order = rng.permutation(len(cols["unit"]))  # rows in random order, as a log would be
    return {k: [vals[i] for i in order] for k, vals in cols.items()}


def fmt(v):
    if isinstance(v, str):
        return v
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return repr(float(v))


def write_csv(path, cols, nan_cells=None):
    """nan_cells: dict column -> dict row index -> text to write instead ('' or 'NaN')."""
    nan_cells = nan_cells or {}
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            row = []
            for k in names:
                if k in nan_cells and i in nan_cells[k]:
                    row.append(nan_cells[k][i])
                else:
                    row.append(fmt(cols[k][i]))
            f.write(",".join(row) + "\n")


def arrays(cols, variant, *names):
    """Rows of `variant` where every named column is present and finite, as float arrays."""
    idx = [i for i, v in enumerate(cols["variant"]) if v == variant
           and all(cols[k][i] is not None and np.isfinite(cols[k][i]) for k in names)]
    return [np.array([cols[k][i] for i in idx], dtype=float) for k in names]


def relative(d, mc, vt, vc):
    mt = mc + d
    r = d / mc
    se = np.sqrt(vt / mc ** 2 + mt ** 2 * vc / mc ** 4)
    return r, r - Z * se, r + Z * se


def normal(d, se):
    zstat = d / se
    return 2 * st.norm.sf(abs(zstat)), d - Z * se, d + Z * se


def welch(out, key, t, c):
    res = st.ttest_ind(t, c, equal_var=False)
    ci = res.confidence_interval(1 - ALPHA)
    vt, vc = t.var(ddof=1) / len(t), c.var(ddof=1) / len(c)
    d = t.mean() - c.mean()
    r, rl, rh = relative(d, c.mean(), vt, vc)
    out.update({f"{key}/estimate": d, f"{key}/se": np.sqrt(vt + vc), f"{key}/df": res.df,
                f"{key}/statistic": res.statistic, f"{key}/p_value": res.pvalue,
                f"{key}/ci_low": ci.low, f"{key}/ci_high": ci.high,
                f"{key}/relative": r, f"{key}/relative_ci_low": rl, f"{key}/relative_ci_high": rh})


def ratio_var(m, d):
    mm, md = m.mean(), d.mean()
    cov = np.cov(m, d, ddof=1)[0, 1]
    return (m.var(ddof=1) / md ** 2 - 2 * mm * cov / md ** 3 + mm ** 2 * d.var(ddof=1) / md ** 4) / len(m)


def ratio(out, key, tm, td, cm, cd):
    rt, rc = tm.mean() / td.mean(), cm.mean() / cd.mean()
    vt, vc = ratio_var(tm, td), ratio_var(cm, cd)
    d = rt - rc
    se = np.sqrt(vt + vc)
    p, lo, hi = normal(d, se)
    r, rl, rh = relative(d, rc, vt, vc)
    out.update({f"{key}/estimate": d, f"{key}/se": se, f"{key}/p_value": p, f"{key}/ci_low": lo,
                f"{key}/ci_high": hi, f"{key}/relative": r, f"{key}/relative_ci_low": rl,
                f"{key}/relative_ci_high": rh, f"{key}/ratio_t": rt, f"{key}/ratio_c": rc,
                f"{key}/sd_t": np.sqrt(len(tm) * vt), f"{key}/sd_c": np.sqrt(len(cm) * vc)})


def cuped(out, key, ty, tx, cy, cx):
    y, x = np.concatenate([ty, cy]), np.concatenate([tx, cx])
    theta = np.cov(x, y, ddof=1)[0, 1] / x.var(ddof=1)

    def adj(yy, xx):
        return (yy.var(ddof=1) + theta ** 2 * xx.var(ddof=1) - 2 * theta * np.cov(xx, yy, ddof=1)[0, 1]) / len(yy)

    vt, vc = adj(ty, tx), adj(cy, cx)
    d = (ty.mean() - cy.mean()) - theta * (tx.mean() - cx.mean())
    se = np.sqrt(vt + vc)
    p, lo, hi = normal(d, se)
    raw = ty.var(ddof=1) / len(ty) + cy.var(ddof=1) / len(cy)
    # delta method for (A - B)/C, B = adjusted and C = plain control mean over the same units:
    # the control's part is Var(rho ybar_c - theta xbar_c) with rho = ybar_t/ybar_c
    mc, rho = cy.mean(), ty.mean() / cy.mean()
    vc_rel = (rho ** 2 * cy.var(ddof=1) - 2 * rho * theta * np.cov(cx, cy, ddof=1)[0, 1]
              + theta ** 2 * cx.var(ddof=1)) / len(cy)
    r = d / mc
    rse = np.sqrt((vt + vc_rel) / mc ** 2)
    rl, rh = r - Z * rse, r + Z * rse
    out.update({f"{key}/theta": theta, f"{key}/estimate": d, f"{key}/se": se, f"{key}/p_value": p,
                f"{key}/ci_low": lo, f"{key}/ci_high": hi, f"{key}/variance_reduction": 1 - (vt + vc) / raw,
                f"{key}/relative": r, f"{key}/relative_ci_low": rl, f"{key}/relative_ci_high": rh})


def describe(out, name, cols, variants, control):
    for v in variants:
        (y,) = arrays(cols, v, "y")
        out[f"{name}/n/{v}"] = float(sum(1 for w in cols["variant"] if w == v))
        out[f"{name}/mean/y/{v}"] = y.mean()
        out[f"{name}/sd/y/{v}"] = y.std(ddof=1)
        out[f"{name}/count/y/{v}"] = float(len(y))
    for v in variants:
        if v == control:
            continue
        (ty,), (cy,) = arrays(cols, v, "y"), arrays(cols, control, "y")
        welch(out, f"{name}/welch/y/{v}", ty, cy)
        (tc,), (cc,) = arrays(cols, v, "conv"), arrays(cols, control, "conv")
        welch(out, f"{name}/welch/conv/{v}", tc, cc)
        tm, td = arrays(cols, v, "num", "den")
        cm, cd = arrays(cols, control, "num", "den")
        ratio(out, f"{name}/ratio/num_den/{v}", tm, td, cm, cd)
        ty2, tx2 = arrays(cols, v, "y", "x")
        cy2, cx2 = arrays(cols, control, "y", "x")
        cuped(out, f"{name}/cuped/y_x/{v}", ty2, tx2, cy2, cx2)
    observed = [sum(1 for w in cols["variant"] if w == v) for v in variants]
    total = sum(observed)
    for split_name, weights in (("equal", [1.0] * len(variants)), ("planned", PLANNED[name])):
        share = np.array(weights) / sum(weights)
        res = st.chisquare(observed, f_exp=total * share)
        out[f"{name}/srm/{split_name}/chi2"] = res.statistic
        out[f"{name}/srm/{split_name}/p_value"] = res.pvalue


# planned split per dataset for the SRM check (weights in sort order of the variants)
PLANNED = {"heavy": [0.33, 0.16, 0.51], "large": [0.35, 0.65], "gaps": [1.0, 1.0, 2.0], "stable": [0.5, 0.5],
           "events": [0.5, 0.5]}


def sum_events(rng, cols):
    """Splits every unit into 1-4 event rows (the unit-level values are the sums of its rows)."""
    ev = {k: [] for k in cols}
    for i in range(len(cols["unit"])):
        k = 1 + rng.integers(0, 4)
        w = rng.dirichlet(np.ones(k))
        den_parts = rng.multinomial(int(cols["den"][i]), w)
        for j in range(k):
            ev["unit"].append(cols["unit"][i])
            ev["variant"].append(cols["variant"][i])
            for c in ("y", "x", "num"):
                ev[c].append(cols[c][i] * w[j])
            ev["den"].append(float(den_parts[j]))
            ev["conv"].append(cols["conv"][i] if j == 0 else 0.0)
    order = rng.permutation(len(ev["unit"]))
    ev = {k: [vals[i] for i in order] for k, vals in ev.items()}
    # unit-level sums in file order (np.add.at sums sequentially), as the reference for --unit
    units = sorted(set(ev["unit"]))
    pos = {u: i for i, u in enumerate(units)}
    idx = np.array([pos[u] for u in ev["unit"]])
    agg = {"unit": units}
    var_of = {}
    for u, v in zip(ev["unit"], ev["variant"]):
        var_of[u] = v
    agg["variant"] = [var_of[u] for u in units]
    for c in ("y", "x", "num", "den", "conv"):
        s = np.zeros(len(units))
        np.add.at(s, idx, np.array(ev[c], dtype=float))
        agg[c] = list(s)
    return ev, agg


def main():
    out = {}
    rng = np.random.default_rng(20261127)

    heavy_cols = make_dataset(rng, {"control": 1400, "B": 900, "C": 450}, 2.0e6,
                              {"control": 4.0e4, "B": 9.0e4, "C": 2.5e4, "__x": 5.0e4},
                              {"control": 0.0, "B": 9.0e3, "C": -4.0e3}, 1.5e6)
    write_csv(os.path.join(HERE, "ab_heavy.csv"), heavy_cols)
    describe(out, "heavy", heavy_cols, ["B", "C", "control"], "control")

    large_cols = make_dataset(rng, {"A": 700, "B": 1300}, 5.0e7,
                              {"A": 2.0e6, "B": 6.0e5, "__x": 1.5e6}, {"A": 0.0, "B": 2.5e5}, 4.0e7)
    write_csv(os.path.join(HERE, "ab_large.csv"), large_cols)
    describe(out, "large", large_cols, ["A", "B"], "A")

    gaps_cols = make_dataset(rng, {"control": 600, "treat1": 500, "treat2": 800}, 1.2e6,
                             {"control": 3.0e4, "treat1": 1.0e4, "treat2": 6.0e4, "__x": 2.0e4},
                             {"control": 0.0, "treat1": 5.0e3, "treat2": 8.0e3}, 1.0e6)
    n = len(gaps_cols["unit"])
    cells = {}
    for col, count, text in (("y", 23, ""), ("x", 11, "NaN"), ("num", 7, ""), ("den", 5, "")):
        rows = rng.choice(n, size=count, replace=False)
        cells[col] = {int(i): text for i in rows}
        for i in rows:
            gaps_cols[col][int(i)] = None
    write_csv(os.path.join(HERE, "ab_gaps.csv"), gaps_cols, cells)
    describe(out, "gaps", gaps_cols, ["control", "treat1", "treat2"], "control")
    for col in ("y", "num", "den"):
        out[f"gaps/missing/{col}"] = float(len(cells[col]))
    both_missing = set(cells["y"]) | set(cells["x"])
    out["gaps/missing/y_x"] = float(len(both_missing))
    out["gaps/missing/num_den"] = float(len(set(cells["num"]) | set(cells["den"])))

    # numerical stability: mean 1e7, sd about 1 (Sum y^2 - (Sum y)^2/n would lose every digit)
    n_s = {"control": 2500, "B": 2000}
    stable = {"unit": [], "variant": [], "y": [], "x": [], "num": [], "den": [], "conv": []}
    for v, nn in n_s.items():
        base = rng.standard_normal(nn)
        stable["unit"] += [f"s{v}{i}" for i in range(nn)]
        stable["variant"] += [v] * nn
        stable["x"] += list(1.0e7 + base)
        stable["y"] += list(1.0e7 + (0.25 if v == "B" else 0.0) + 0.7 * base
                            + (1.3 if v == "B" else 0.9) * rng.standard_normal(nn))
        stable["den"] += list(1.0e6 + np.round(rng.standard_normal(nn) * 3))
        stable["num"] += list(1.0e7 + rng.standard_normal(nn))
        stable["conv"] += list((rng.random(nn) < 0.5).astype(float))
    write_csv(os.path.join(HERE, "ab_stable.csv"), stable)
    describe(out, "stable", stable, ["B", "control"], "control")
    for v in n_s:
        (y,) = arrays(stable, v, "y")
        out[f"stable/var/y/{v}"] = y.var(ddof=1)

    ev_units = make_dataset(rng, {"control": 500, "treatment": 650}, 3.0e6,
                            {"control": 8.0e4, "treatment": 1.2e5, "__x": 6.0e4},
                            {"control": 0.0, "treatment": 2.0e4}, 2.0e6)
    ev, agg = sum_events(rng, ev_units)
    write_csv(os.path.join(HERE, "ab_events.csv"), ev)
    describe(out, "events", agg, ["control", "treatment"], "control")

    for sd, mde, a, pw in ((1.0, 0.1, 0.05, 0.8), (12.9, 0.5, 0.05, 0.9), (250000.0, 1234.5, 0.01, 0.8),
                           (0.45, 0.01, 0.1, 0.95)):
        zz = st.norm.ppf(1 - a / 2) + st.norm.ppf(pw)
        key = f"power/{sd!r}/{mde!r}/{a!r}/{pw!r}"
        out[key + "/n"] = zz ** 2 * 2 * sd ** 2 / mde ** 2
    for sd, n_arm, a, pw in ((1.0, 1000.0, 0.05, 0.8), (12.9, 5012.0, 0.05, 0.8), (3.0e5, 123457.0, 0.01, 0.9)):
        zz = st.norm.ppf(1 - a / 2) + st.norm.ppf(pw)
        out[f"mde/{sd!r}/{n_arm!r}/{a!r}/{pw!r}/mde"] = zz * np.sqrt(2 * sd ** 2 / n_arm)

    with open(os.path.join(HERE, "ab_expected.csv"), "w") as f:
        f.write(f"# Reference values written by make_fixtures.py (numpy {np.__version__}, scipy {scipy.__version__}).\n")
        f.write("# Keys: DATASET/TEST/METRIC/VARIANT/FIELD (treatment VARIANT against the dataset's control);\n")
        f.write("# welch = scipy.stats.ttest_ind(t, c, equal_var=False) and .confidence_interval(0.95);\n")
        f.write("# ratio, cuped, relative = the numpy formulas of REFERENCES.md section 1 (see the script's docstring);\n")
        f.write("# srm = scipy.stats.chisquare(observed, f_exp); power/mde = scipy.stats.norm.ppf formula.\n")
        f.write("# Controls: heavy=control, large=A, gaps=control, stable=control, events=control. alpha=0.05.\n")
        f.write("key,value\n")
        for k in sorted(out):
            f.write(f"{k},{float(out[k])!r}\n")


if __name__ == "__main__":
    main()
