#!/usr/bin/python3
"""Reference values for InteractionsReferenceTest (run with Debian's /usr/bin/python3: numpy, pandas, statsmodels).

Writes:
  experiments.csv        one row per unit: arms of three experiments (empty = not in it), metrics
  events.csv             several rows per member (column member), metrics to be summed per member
  reference_rows.csv     interactions on experiments.csv
  reference_units.csv    interactions on events.csv after summing per member
Each reference row is statsmodels OLS `y ~ A*B` with cov_type='HC2' fitted on the units of the four
cells (A's control/arm x B's control/arm, metric not missing), A and B 0/1 indicators: interaction =
params['A:B'], se = bse['A:B'], p_value = pvalues['A:B'] (normal). Effects are differences of cell
means. p_bh / p_holm: statsmodels.stats.multitest.multipletests(method='fdr_bh' / 'holm') over all rows.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20261127)
HERE = __file__.rsplit("/", 1)[0]


def experiment_data(n):
    a = rng.choice(["control", "t1", "t2", ""], size=n, p=[0.4, 0.25, 0.25, 0.1])
    b = rng.choice(["control", "v2"], size=n, p=[0.6, 0.4])
    c = rng.choice(["a", "b", "c", ""], size=n, p=[0.3, 0.3, 0.2, 0.2])  # no 'control': first in sort order
    base = 30 + 4 * (a == "t1") - 2 * (a == "t2") + 3 * (b == "v2") + 1.5 * (c == "b")
    inter = 5.0 * ((a == "t1") & (b == "v2"))
    watch = base + inter + rng.gamma(2.0, 3.0 + 2 * (b == "v2"), size=n)
    clicks = rng.poisson(2 + (a == "t2") + 0.5 * (c == "c"), size=n).astype(float)
    clicks[rng.random(n) < 0.03] = np.nan
    return a, b, c, watch, clicks


def reference(df, metrics):
    exps = ["row_ranking", "artwork", "autoplay"]
    out = []
    for i in range(len(exps)):
        for j in range(i + 1, len(exps)):
            ea, eb = exps[i], exps[j]
            for m in metrics:
                arms_a = sorted(x for x in df[ea].unique() if x != "")
                arms_b = sorted(x for x in df[eb].unique() if x != "")
                ca = "control" if "control" in arms_a else arms_a[0]
                cb = "control" if "control" in arms_b else arms_b[0]
                for ta in arms_a:
                    if ta == ca:
                        continue
                    for tb in arms_b:
                        if tb == cb:
                            continue
                        d = df[df[ea].isin([ca, ta]) & df[eb].isin([cb, tb]) & df[m].notna()].copy()
                        d["A"] = (d[ea] == ta).astype(float)
                        d["B"] = (d[eb] == tb).astype(float)
                        d["y"] = d[m]
                        fit = smf.ols("y ~ A*B", data=d).fit(cov_type="HC2")
                        mean = d.groupby(["A", "B"])["y"].mean()
                        out.append(dict(a=ea, b=eb, metric=m, arm_a=ta, arm_b=tb,
                                        interaction=fit.params["A:B"], se=fit.bse["A:B"], p_value=fit.pvalues["A:B"],
                                        effect_a_when_b_control=mean[(1.0, 0.0)] - mean[(0.0, 0.0)],
                                        effect_a_when_b_treated=mean[(1.0, 1.0)] - mean[(0.0, 1.0)]))
    ref = pd.DataFrame(out)
    ref["p_bh"] = multipletests(ref["p_value"], method="fdr_bh")[1]
    ref["p_holm"] = multipletests(ref["p_value"], method="holm")[1]
    return ref


def write(ref, name, comment):
    with open(f"{HERE}/{name}", "w") as f:
        f.write(f"# {comment}\n")
        f.write("# statsmodels OLS y ~ A*B, cov_type='HC2', on the four cells of each row; see make_fixtures.py\n")
        ref.to_csv(f, index=False, float_format="%.17g")


n = 6000
a, b, c, watch, clicks = experiment_data(n)
rows = pd.DataFrame(dict(row_ranking=a, artwork=b, autoplay=c, watch_minutes=watch, clicks=clicks))
rows.to_csv(f"{HERE}/experiments.csv", index=False, float_format="%.17g", na_rep="")
write(reference(rows, ["watch_minutes", "clicks"]), "reference_rows.csv",
      "make_fixtures.py on experiments.csv (one row per unit)")

members = 2500
a, b, c, watch, clicks = experiment_data(members)
reps = rng.integers(1, 4, size=members)
events = []
for k in range(members):
    parts = rng.dirichlet(np.ones(reps[k]))
    for r in range(reps[k]):
        events.append(dict(member=f"m{k}", row_ranking=a[k], artwork=b[k], autoplay=c[k],
                           watch_minutes=watch[k] * parts[r], clicks=clicks[k] if r == 0 else 0.0))
ev = pd.DataFrame(events).sample(frac=1.0, random_state=7)
ev.to_csv(f"{HERE}/events.csv", index=False, float_format="%.17g", na_rep="")
per = ev.groupby("member").agg(row_ranking=("row_ranking", "min"), artwork=("artwork", "min"), autoplay=("autoplay", "min"),
                               watch_minutes=("watch_minutes", "sum"), clicks=("clicks", lambda s: s.sum(min_count=1)))
write(reference(per.reset_index(), ["watch_minutes", "clicks"]), "reference_units.csv",
      "make_fixtures.py on events.csv summed per member (NaN when all of a member's clicks are missing)")
