#!/usr/bin/env python3
"""Reference values from GrowthBook's gbstats, an independent implementation of the A/B statistics
that make_fixtures.py re-derives with numpy: relative lift (delta method), ratio metrics, CUPED
(absolute and relative) and the asymptotic confidence sequence. A misreading of a formula shared by
our Java code and our numpy reference cannot be shared by gbstats.

gbstats is not vendored: point GBSTATS at the packages/stats folder of a growthbook/growthbook
checkout (this file was run with commit 8f1db44569, gbstats 0.8.0) and run from this folder with
Debian's Python (numpy, scipy, pandas, pydantic):

    GBSTATS=/path/to/growthbook/packages/stats /usr/bin/python3 make_gbstats_fixtures.py

Input: ab_heavy.csv and ab_large.csv (written by make_fixtures.py), one row per unit. Per variant the
sufficient statistics gbstats takes (n, sum, sum of squares, sum of products) are summed exactly
(math.fsum). Writes gbstats_expected.csv, key,value with key DATASET/KIND/VARIANT/FIELD:
  KIND  mean (metric y), ratio (num/den), cuped (y with pre-period covariate x), sequential (metric y)
  FIELD estimate, se (absolute difference), relative, relative_se  -- EffectMoments point_estimate and
        standard_error with difference_type "absolute" / "relative"; for cuped also theta
        (compute_theta); for sequential ci_low, ci_high, p_value of SequentialTwoSidedTTest
        (absolute, alpha 0.05, tuning 5000).
"""
import csv
import math
import os
import sys

sys.path.insert(0, os.environ["GBSTATS"])

from gbstats.frequentist.tests import SequentialConfig, SequentialTwoSidedTTest  # noqa: E402
from gbstats.models.statistics import (  # noqa: E402
    RatioStatistic,
    RegressionAdjustedStatistic,
    SampleMeanStatistic,
    create_theta_adjusted_statistics,
)
from gbstats.models.tests import EffectMoments, EffectMomentsConfig  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CONTROL = {"heavy": "control", "large": "A"}


def columns(rows, variant, *names):
    return [[float(r[n]) for r in rows if r["variant"] == variant] for n in names]


def mean_stat(x):
    return SampleMeanStatistic(n=len(x), sum=math.fsum(x), sum_squares=math.fsum(v * v for v in x))


def products(a, b):
    return math.fsum(u * v for u, v in zip(a, b))


def moments(stat_a, stat_b, kind):
    r = EffectMoments([(stat_a, stat_b)], EffectMomentsConfig(difference_type=kind)).compute_result()
    assert r.error_message is None, r.error_message
    return r.point_estimate, r.standard_error


def main():
    out = []
    for ds, control in CONTROL.items():
        with open(os.path.join(HERE, "ab_" + ds + ".csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        variants = sorted({r["variant"] for r in rows})
        for v in variants:
            if v == control:
                continue
            (yc, xc, nc, dc), (yt, xt, nt, dt) = (columns(rows, w, "y", "x", "num", "den") for w in (control, v))
            stats = {
                "mean": (mean_stat(yc), mean_stat(yt)),
                "ratio": tuple(RatioStatistic(n=len(m), m_statistic=mean_stat(m), d_statistic=mean_stat(d),
                                              m_d_sum_of_products=products(m, d)) for m, d in ((nc, dc), (nt, dt))),
                "cuped": create_theta_adjusted_statistics(*(
                    RegressionAdjustedStatistic(n=len(y), post_statistic=mean_stat(y), pre_statistic=mean_stat(x),
                                                post_pre_sum_of_products=products(y, x), theta=None)
                    for y, x in ((yc, xc), (yt, xt)))),
            }
            for kind, (a, b) in stats.items():
                key = "%s/%s/%s/" % (ds, kind, v)
                est, se = moments(a, b, "absolute")
                rel, rel_se = moments(a, b, "relative")
                out += [(key + "estimate", est), (key + "se", se), (key + "relative", rel), (key + "relative_se", rel_se)]
                if kind == "cuped":
                    out.append((key + "theta", a.theta))
            seq = SequentialTwoSidedTTest([stats["mean"]], SequentialConfig(difference_type="absolute", alpha=0.05,
                                                                           sequential_tuning_parameter=5000))
            res = seq.compute_result()
            key = "%s/sequential/%s/" % (ds, v)
            out += [(key + "estimate", res.expected), (key + "ci_low", res.ci[0]), (key + "ci_high", res.ci[1]),
                    (key + "p_value", res.pValue)]
    with open(os.path.join(HERE, "gbstats_expected.csv"), "w") as f:
        f.write("# Written by make_gbstats_fixtures.py: GrowthBook gbstats 0.8.0 (growthbook/growthbook 8f1db44569) on\n")
        f.write("# ab_heavy.csv and ab_large.csv; keys DATASET/KIND/VARIANT/FIELD (see the script's docstring).\n")
        f.write("key,value\n")
        for k, val in out:
            f.write("%s,%r\n" % (k, float(val)))


if __name__ == "__main__":
    main()
