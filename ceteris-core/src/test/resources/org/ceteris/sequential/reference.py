#!/usr/bin/env python3
"""Independent reference for org.ceteris.sequential: REFERENCES.md §2 computed with numpy.

Writes
  reference.txt   (beside this script)     per-batch sufficient statistics of generated data, and per
                                           look the expected arm-vs-control and pairwise readings
  ../../../../../../../ceteris-engine/src/test/resources/org/ceteris/inputs/sequential_replay.csv
  ../../../../../../../ceteris-engine/src/test/resources/org/ceteris/inputs/sequential_replay_expected.txt
                                           raw rows with dates, and the expected replay (SQL path)

The expected values are computed from the *cumulative raw data* of each look (numpy mean/var/cov with
ddof=1), not by merging batches, so the Java side's Chan merge is checked too. Formulas:
  Welch se = sqrt(s_t²/n_t + s_c²/n_c); CUPED theta pooled over the two arms compared; ratio by the
  delta method (REFERENCES §1).
  CS (Waudby-Smith et al. 2023 eq. 9): rho² = (-2 ln a + ln(-2 ln a + 1))/N*,
     half = se*sqrt(N)*sqrt(2(N rho²+1)/(N² rho²) * ln(sqrt(N rho²+1)/a)),
     E = exp(rho² S²/(2(N rho²+1)))/sqrt(N rho²+1), S² = d² N/se², p = min(1, 1/E).
  mSPRT (Johari et al. 2017): n = N/2, V = n se², tau² = 2 rho² V,
     Lambda = sqrt(V/(V+n tau²)) exp(n² tau² d²/(2V(V+n tau²))), p_n = min(p_{n-1}, 1/Lambda),
     interval d ± sqrt(2V(V+n tau²)/(n² tau²) ln(sqrt((V+n tau²)/V)/a)) intersected with the last.
  Arm against control at level a/(K-1), p reported as min(1, (K-1) p); pairs at a/(K(K-1)/2), raw p.
Run: python3 reference.py   (numpy 2.x; the outputs are deterministic for the seeds below)
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE = os.path.normpath(os.path.join(HERE, *([".."] * 7), "ceteris-engine/src/test/resources/org/ceteris/inputs"))


def rho2(alpha, tuning):
    l = -2 * np.log(alpha)
    return (l + np.log(l + 1)) / tuning


def effect(kind, t, c):
    """(d, se) of arm t against arm c from raw arrays: t = (a, b)."""
    ta, tb = t
    ca, cb = c
    if kind == "MEAN":
        return ta.mean() - ca.mean(), np.sqrt(ta.var(ddof=1) / len(ta) + ca.var(ddof=1) / len(ca))
    if kind == "CUPED":
        pa, pb = np.concatenate([ta, ca]), np.concatenate([tb, cb])
        theta = np.cov(pb, pa, ddof=1)[0, 1] / pb.var(ddof=1)

        def v(a, b):
            return max(a.var(ddof=1) + theta ** 2 * b.var(ddof=1) - 2 * theta * np.cov(a, b, ddof=1)[0, 1], 0.0) / len(a)

        d = (ta.mean() - ca.mean()) - theta * (tb.mean() - cb.mean())
        return d, np.sqrt(v(ta, tb) + v(ca, cb))
    if kind == "RATIO":
        def r(a, b):
            mm, md = a.mean(), b.mean()
            var = (a.var(ddof=1) / md ** 2 - 2 * mm * np.cov(a, b, ddof=1)[0, 1] / md ** 3
                   + mm ** 2 * b.var(ddof=1) / md ** 4)
            return mm / md, max(var, 0.0) / len(a)

        rt, vt = r(ta, tb)
        rc, vc = r(ca, cb)
        return rt - rc, np.sqrt(vt + vc)
    raise ValueError(kind)


def cs(d, se, n_units, alpha, tuning, prev):
    r2 = rho2(alpha, tuning)
    N = float(n_units)
    half = se * np.sqrt(N) * np.sqrt(2 * (N * r2 + 1) / (N ** 2 * r2) * np.log(np.sqrt(N * r2 + 1) / alpha))
    S2 = d ** 2 * N / se ** 2
    E = np.exp(r2 * S2 / (2 * (N * r2 + 1))) / np.sqrt(N * r2 + 1)
    return d - half, d + half, min(1.0, 1.0 / E)


def msprt(d, se, n_units, alpha, tuning, prev):
    n = n_units / 2.0
    V = n * se ** 2
    tau2 = 2 * rho2(alpha, tuning) * V
    lam = np.sqrt(V / (V + n * tau2)) * np.exp(n ** 2 * tau2 * d ** 2 / (2 * V * (V + n * tau2)))
    p = min(1.0, 1.0 / lam)
    half = np.sqrt(2 * V * (V + n * tau2) / (n ** 2 * tau2) * np.log(np.sqrt((V + n * tau2) / V) / alpha))
    lo, hi = d - half, d + half
    if prev is not None:
        lo, hi, p = max(lo, prev[0]), min(hi, prev[1]), min(p, prev[2])
    return lo, hi, p


def batch_stats(a, b):
    n = len(a)
    if n == 0:
        return None
    va = a.var(ddof=1) if n > 1 else 0.0
    vb = b.var(ddof=1) if n > 1 else 0.0
    cab = np.cov(a, b, ddof=1)[0, 1] if n > 1 else 0.0
    return n, a.mean(), b.mean(), va, vb, cab


def generate(kind, arms, looks, rng, sizes, effects, offset):
    """Per look, per arm: raw (a, b) arrays of that look's new units; means shifted by offset."""
    out = []
    for look in range(looks):
        row = {}
        for arm, size, eff in zip(arms, sizes, effects):
            n = int(size[look])
            if kind == "MEAN":  # heavy tails, large mean, unequal variances
                a = offset + eff + rng.lognormal(0.0, 1.2, n) * (1 + 0.5 * (arm == arms[-1]))
                b = np.zeros(n)
            elif kind == "PROPORTION":
                a = (rng.random(n) < 0.12 + eff).astype(float)
                b = np.zeros(n)
            elif kind == "CUPED":
                b = rng.lognormal(3.0, 0.8, n)
                a = 0.8 * b + rng.normal(eff, 6.0, n)
            elif kind == "RATIO":
                b = rng.poisson(4.0, n).astype(float) + 1
                a = b * rng.gamma(3.0, 10.0 + eff, n)
            row[arm] = (a, b)
        out.append(row)
    return out


def expected(kind, arms, control, data, method, alpha, tuning):
    """Rows of the expected arm-vs-control and pairwise readings per look."""
    k = len(arms)
    level_c = alpha / (k - 1)
    level_p = alpha / (k * (k - 1) / 2)
    test = cs if method == "CS" else msprt
    calc = "MEAN" if kind == "PROPORTION" else kind
    prev_c, prev_p, rows = {}, {}, []
    cum = {arm: (np.empty(0), np.empty(0)) for arm in arms}
    for look, row in enumerate(data, start=1):
        for arm in arms:
            a, b = row[arm]
            cum[arm] = (np.concatenate([cum[arm][0], a]), np.concatenate([cum[arm][1], b]))
        for arm in arms:
            if arm == control:
                continue
            d, se = effect(calc, cum[arm], cum[control])
            n = len(cum[arm][0]) + len(cum[control][0])
            lo, hi, p = test(d, se, n, level_c, tuning, prev_c.get(arm))
            prev_c[arm] = (lo, hi, p)
            rows.append(("expect", look, arm, d, se, lo, hi, min(1.0, (k - 1) * p)))
        for i in range(k):
            for j in range(i + 1, k):
                d, se = effect(calc, cum[arms[j]], cum[arms[i]])
                n = len(cum[arms[j]][0]) + len(cum[arms[i]][0])
                lo, hi, p = test(d, se, n, level_p, tuning, prev_p.get((i, j)))
                prev_p[(i, j)] = (lo, hi, p)
                rows.append(("pair", look, arms[j] + "-" + arms[i], d, se, lo, hi, p))
    return rows


def fmt(x):
    return repr(float(x))


CASES = [
    # name, kind, method, alpha, tuning, arms, effects, looks, mean batch size per arm, seed, mean offset
    # (means near 1e4-1e5: a difference of two means near 1e6 is itself only known to ~1e-10 in doubles)
    ("mean_heavy_tails_cs", "MEAN", "CS", 0.05, 5000, ["control", "B", "C"], [0.0, 0.4, -0.1], 8, 150, 1, 1e5),
    ("mean_heavy_tails_msprt", "MEAN", "MSPRT", 0.05, 5000, ["control", "B", "C"], [0.0, 0.4, -0.1], 8, 150, 7, 1e4),
    ("proportion_msprt", "PROPORTION", "MSPRT", 0.10, 2000, ["control", "B"], [0.0, 0.03], 10, 400, 2, 0),
    ("proportion_cs", "PROPORTION", "CS", 0.05, 5000, ["control", "B", "C"], [0.0, 0.03, 0.0], 10, 400, 8, 0),
    ("ratio_cs", "RATIO", "CS", 0.05, 10000, ["control", "B", "C"], [0.0, 1.5, 0.0], 6, 300, 3, 0),
    ("ratio_msprt", "RATIO", "MSPRT", 0.05, 5000, ["control", "B"], [0.0, 1.5], 6, 300, 9, 0),
    ("cuped_msprt", "CUPED", "MSPRT", 0.05, 5000, ["control", "B", "C", "D"], [0.0, 1.0, 0.0, -0.8], 7, 250, 4, 0),
    ("mean_strong_effect_cs", "MEAN", "CS", 0.01, 500, ["control", "B"], [0.0, 3.0], 5, 500, 5, 10.0),
    ("cuped_cs", "CUPED", "CS", 0.05, 3000, ["A", "B"], [0.0, 0.6], 6, 200, 6, 0),
]


def write_core():
    lines = ["# Generated by reference.py (numpy " + np.__version__ + "); do not edit. Fields after 'batch':",
             "# look arm n mean_a mean_b var_a var_b cov_ab. After 'expect'/'pair': look arm(s) estimate se low high p"]
    for name, kind, method, alpha, tuning, arms, effects, looks, size, seed, offset in CASES:
        rng = np.random.default_rng(seed)
        sizes = [rng.integers(size // 2, size * 3 // 2, looks) for _ in arms]
        data = generate(kind, arms, looks, rng, sizes, effects, offset)
        control = arms[0]
        lines.append(f"case {name} {'MEAN' if kind == 'PROPORTION' else kind} {method} {alpha!r} {tuning!r} "
                     f"{control} {','.join(arms)}")
        for look, row in enumerate(data, start=1):
            for arm in arms:
                s = batch_stats(*row[arm])
                lines.append(f"batch {look} {arm} {s[0]} " + " ".join(fmt(x) for x in s[1:]))
        for r in expected(kind, arms, control, data, method, alpha, tuning):
            lines.append(f"{r[0]} {r[1]} {r[2]} " + " ".join(fmt(x) for x in r[3:]))
        lines.append("end")
    with open(os.path.join(HERE, "reference.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_engine():
    """A replay through SQL: rows with a date per unit, CUPED, 3 arms, a look per day (--every 1)."""
    rng = np.random.default_rng(11)
    arms, effects, days = ["B", "C", "control"], [1.2, -0.5, 0.0], 9
    rows, data = [], []
    start = np.datetime64("2026-03-01")
    for day in range(days):
        row = {}
        for arm, eff in zip(arms, effects):
            n = int(rng.integers(60, 140))
            x = rng.lognormal(3.0, 0.8, n)
            y = 0.8 * x + rng.normal(eff, 6.0, n)
            row[arm] = (y, x)
            for yi, xi in zip(y, x):
                rows.append((str(start + day), arm, yi, xi))
        data.append(row)
    order = np.random.default_rng(12).permutation(len(rows))  # rows out of time order on purpose
    with open(os.path.join(ENGINE, "sequential_replay.csv"), "w") as f:
        f.write("day,variant,minutes,pre_minutes\n")
        for i in order:
            d, v, y, x = rows[i]
            f.write(f"{d},{v},{float(y)!r},{float(x)!r}\n")
    arms_sorted = ["control", "B", "C"]
    ordered = [{a: r[a] for a in arms_sorted} for r in data]
    with open(os.path.join(ENGINE, "sequential_replay_expected.txt"), "w") as f:
        f.write("# Generated by ceteris-core/src/test/resources/org/ceteris/sequential/reference.py (numpy "
                + np.__version__ + "): CUPED, cs, alpha 0.05, tuning 5000, a look per day.\n")
        f.write("# expect look arm estimate se low high p_adjusted\n")
        for r in expected("CUPED", arms_sorted, "control", ordered, "CS", 0.05, 5000):
            if r[0] == "expect":
                f.write(f"expect {r[1]} {r[2]} " + " ".join(fmt(x) for x in r[3:]) + "\n")


if __name__ == "__main__":
    write_core()
    write_engine()
