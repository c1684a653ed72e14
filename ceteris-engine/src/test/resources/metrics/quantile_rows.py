"""Shared by make_quantile_fixtures.py and make_event_quantile_fixtures.py: the scorecard rows of one quantile
metric from each arm's (n, quantile, lower, upper) bracket, as Liu, Sun, Varshney & Xu (2019) compare two arms:
se per arm = bracket width / 2z, the difference's se in quadrature, a 95% normal interval, and the relative
difference (Q_t - Q_c) / Q_c with its delta-method interval."""
import numpy as np
from scipy.stats import norm

Z = norm.ppf(0.975)


def comparison_rows(metric, stats):
    """stats: variant -> (n, quantile, lower, upper); control must be one of them. One row per variant."""
    nc, qc, lc, uc = stats["control"]
    sc = (uc - lc) / (2 * Z)
    rows = []
    for v, (n, est, lo, hi) in sorted(stats.items()):
        row = {"metric": metric, "variant": v, "n": n, "quantile": est, "lower": lo, "upper": hi}
        if v != "control":
            st = (hi - lo) / (2 * Z)
            d = est - qc
            se = np.hypot(st, sc)
            rel = d / qc
            rel_se = np.sqrt(st ** 2 / qc ** 2 + est ** 2 * sc ** 2 / qc ** 4)
            row.update(estimate=d, se=se, ci_low=d - Z * se, ci_high=d + Z * se,
                       relative=rel, relative_ci_low=rel - Z * rel_se, relative_ci_high=rel + Z * rel_se)
        rows.append(row)
    return rows
