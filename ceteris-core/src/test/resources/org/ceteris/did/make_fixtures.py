#!/usr/bin/python3
"""Reference values for org.ceteris.did tests, computed with statsmodels (Debian /usr/bin/python3,
statsmodels 0.13.5, pandas 1.5.3). Run from this folder: /usr/bin/python3 make_fixtures.py

Writes
  panel_2x2.csv, ref_2x2.csv        : smf.ols('y ~ treated * post').fit(cov_type='cluster', groups=unit)
  panel_es.csv, ref_es_*.csv        : smf.ols('y ~ C(unit) + C(time) + event dummies').fit(cov_type='cluster', groups=unit)
                                      and res.wald_test(leads = 0, use_f=False) for the pre-trend check
  ref_card_krueger.csv              : the 2x2 regression on card_krueger_1994.csv (fte ~ nj * d, cluster by id)
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

HEADER = "# produced by make_fixtures.py: {}\n"


def write(df, name, what):
    with open(name, "w") as f:
        f.write(HEADER.format(what))
        df.to_csv(f, index=False, float_format="%.17g")


def panel_2x2():
    rng = np.random.default_rng(20261127)
    rows = []
    for u in range(60):
        treated = int(u % 3 == 0 or u % 5 == 0)
        alpha = rng.normal(0, 2)
        for t in range(4):
            if rng.random() < 0.08:
                continue  # unbalanced: some (unit, time) cells missing
            post = int(t >= 2)
            y = 10 + alpha + 0.5 * t + 1.5 * treated * post + rng.normal(0, 1 + treated)
            rows.append((u, t, treated, post, y))
    df = pd.DataFrame(rows, columns=["unit", "time", "treated", "post", "y"])
    write(df, "panel_2x2.csv", "seeded panel, numpy default_rng(20261127)")
    res = smf.ols("y ~ treated * post", data=df).fit(cov_type="cluster", cov_kwds={"groups": df["unit"]})
    out = pd.DataFrame([{"estimate": res.params["treated:post"], "se": res.bse["treated:post"],
                         "p_value": res.pvalues["treated:post"], "n_obs": int(res.nobs)}])
    write(out, "ref_2x2.csv", "smf.ols('y ~ treated * post', panel_2x2.csv).fit(cov_type='cluster', cov_kwds={'groups': unit})")


def event_dummies(df, lo, hi):
    names = []
    e = df["time"] - df["first_treated"]
    treated = df["first_treated"] > 0
    if lo is not None:
        e = e.clip(lower=lo, upper=hi)
    for k in sorted(e[treated].unique()):
        if k == -1:
            continue
        name = "ev_m%d" % -k if k < 0 else "ev_p%d" % k
        df[name] = ((e == k) & treated).astype(float)
        names.append((k, name))
    return names


def panel_es():
    rng = np.random.default_rng(7)
    rows = []
    for u in range(90):
        g = [0, 4, 6][u % 3]
        alpha = rng.normal(0, 1)
        for t in range(1, 9):
            if rng.random() < 0.05:
                continue
            e = t - g
            effect = (0.8 + 0.3 * e) if (g > 0 and e >= 0) else 0.0
            y = 5 + alpha + 0.2 * t + effect + rng.normal(0, 1)
            rows.append((u, t, g, y))
    df = pd.DataFrame(rows, columns=["unit", "time", "first_treated", "y"])
    write(df, "panel_es.csv", "seeded panel, numpy default_rng(7), cohorts 4 and 6 and never (0)")
    for label, lo, hi in [("full", None, None), ("window", -3, 2)]:
        d = df.copy()
        names = event_dummies(d, lo, hi)
        formula = "y ~ C(unit) + C(time) + " + " + ".join(n for _, n in names)
        res = smf.ols(formula, data=d).fit(cov_type="cluster", cov_kwds={"groups": d["unit"]})
        leads = [n for k, n in names if k < -1]
        wald = res.wald_test(", ".join(n + " = 0" for n in leads), use_f=False, scalar=True)
        out = pd.DataFrame([{"event_time": k, "estimate": res.params[n], "se": res.bse[n]} for k, n in names])
        write(out, "ref_es_%s.csv" % label, "smf.ols('%s', panel_es.csv%s).fit(cov_type='cluster', groups=unit)"
              % ("y ~ C(unit) + C(time) + event dummies (omit -1)", "" if lo is None else ", window %d:%d binned" % (lo, hi)))
        pt = pd.DataFrame([{"statistic": float(wald.statistic), "df": len(leads), "p_value": float(wald.pvalue)}])
        write(pt, "ref_es_%s_pretrend.csv" % label, "res.wald_test(leads = 0, use_f=False) of the same fit")


def card_krueger():
    df = pd.read_csv("/work/shared/datasets/card_krueger_1994.csv").dropna(subset=["fte"])
    res = smf.ols("fte ~ nj * d", data=df).fit(cov_type="cluster", cov_kwds={"groups": df["id"]})
    out = pd.DataFrame([{"estimate": res.params["nj:d"], "se": res.bse["nj:d"], "n_obs": int(res.nobs)}])
    write(out, "ref_card_krueger.csv", "smf.ols('fte ~ nj * d', card_krueger_1994.csv without missing fte).fit(cov_type='cluster', groups=id)")


if __name__ == "__main__":
    panel_2x2()
    panel_es()
    card_krueger()
