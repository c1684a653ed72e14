"""Reference values for org.ceteris.experiment.bayes from GrowthBook gbstats (EffectBayesianABTest).

Run once with Debian's Python (numpy, scipy, pandas, python3-pydantic) and a checkout of gbstats:
    GBSTATS_DIR=/path/to/growthbook/packages/stats /usr/bin/python3 make_fixtures.py > gbstats_bayesian.csv
GBSTATS_DIR is the folder that holds the `gbstats` package (growthbook/growthbook, packages/stats).
The tests read the CSV only; they never run Python.
"""
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.environ["GBSTATS_DIR"])
from gbstats.bayesian.tests import (  # noqa: E402
    EffectBayesianABTest, EffectBayesianConfig, GaussianPrior)
from gbstats.models.statistics import (  # noqa: E402
    ProportionStatistic, RatioStatistic, RegressionAdjustedStatistic, SampleMeanStatistic)

rng = np.random.default_rng(20)


def sums(a, b):
    return dict(n=len(a), sa=float(a.sum()), ssa=float((a * a).sum()), sb=float(b.sum()),
                ssb=float((b * b).sum()), sab=float((a * b).sum()))


def arm(kind, n, lift):
    if kind == "proportion":
        a = (rng.random(n) < 0.2 * (1 + lift)).astype(float)
        return sums(a, np.zeros(n))
    if kind == "mean":
        a = rng.gamma(2.0, 20.0 * (1 + lift), n)
        return sums(a, np.zeros(n))
    if kind == "ratio":
        d = rng.poisson(4.0, n).astype(float) + 1
        m = d * rng.gamma(3.0, 10.0 * (1 + lift), n)
        return sums(m, d)
    x = rng.gamma(2.0, 20.0, n)  # cuped: a = post, b = pre
    y = 0.8 * x + rng.gamma(2.0, 5.0 * (1 + lift), n)
    return sums(y, x)


def statistic(kind, s):
    if kind == "proportion":
        return ProportionStatistic(n=s["n"], sum=s["sa"])
    if kind == "mean":
        return SampleMeanStatistic(n=s["n"], sum=s["sa"], sum_squares=s["ssa"])
    a = SampleMeanStatistic(n=s["n"], sum=s["sa"], sum_squares=s["ssa"])
    b = SampleMeanStatistic(n=s["n"], sum=s["sb"], sum_squares=s["ssb"])
    if kind == "ratio":
        return RatioStatistic(n=s["n"], m_statistic=a, d_statistic=b, m_d_sum_of_products=s["sab"])
    return RegressionAdjustedStatistic(n=s["n"], post_statistic=a, pre_statistic=b,
                                       post_pre_sum_of_products=s["sab"], theta=None)


out = csv.writer(sys.stdout, lineterminator="\n")
cols = ["n", "sa", "ssa", "sb", "ssb", "sab"]
out.writerow(["case", "kind", "difference", "prior_mean", "prior_sd", "alpha", "inverse"]
             + ["c_" + c for c in cols] + ["t_" + c for c in cols]
             + ["expected", "sd", "ci_low", "ci_high", "chance_to_win", "risk_control", "risk_variant", "error"])
case = 0
for kind in ["mean", "proportion", "ratio", "cuped"]:
    for lift in [0.0, 0.03, -0.05]:
        n_c, n_t = int(rng.integers(300, 3000)), int(rng.integers(300, 3000))
        c, t = arm(kind, n_c, 0.0), arm(kind, n_t, lift)
        for difference in ["relative", "absolute"]:
            for prior in [None, (0.0, 0.1), (0.02, 0.05)]:
                for alpha, inverse in [(0.05, False), (0.1, True)]:
                    case += 1
                    gp = GaussianPrior() if prior is None else GaussianPrior(
                        mean=prior[0], variance=prior[1] ** 2, proper=True)
                    cfg = EffectBayesianConfig(difference_type=difference, alpha=alpha, inverse=inverse,
                                               prior_effect=gp, prior_type="relative")
                    r = EffectBayesianABTest([(statistic(kind, c), statistic(kind, t))], cfg).compute_result()
                    out.writerow([case, kind, difference, "" if prior is None else prior[0],
                                  "" if prior is None else prior[1], alpha, str(inverse).lower()]
                                 + [repr(c[k]) for k in cols] + [repr(t[k]) for k in cols]
                                 + [repr(float(x)) for x in [r.expected, r.uplift.stddev, r.ci[0], r.ci[1],
                                                             r.chanceToWin, r.risk[0], r.risk[1]]]
                                 + [r.errorMessage or ""])
