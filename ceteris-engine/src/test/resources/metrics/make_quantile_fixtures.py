"""Expected quantile scorecard rows (quantile: Q on a metric definition) for MetricAnalysisTest.

Run with /usr/bin/python3 (numpy, pandas from Debian) in this folder, after make_fixtures.py:
    python3 make_quantile_fixtures.py
Reads expected_units.csv (the per-unit values pandas computed from the raw logs) and writes
expected_quantiles.csv: per quantile metric and arm the sample quantile and the two order statistics of
Liu, Sun, Varshney & Xu (2019, "Large-scale online experimentation with quantile metrics", section 3):
ranks n*q -/+ z*sqrt(n*q*(1-q)) (1-based, clamped to 1..n), read with numpy's linear interpolation;
and per treatment arm the difference with control, its standard error (bracket width / 2z per arm,
added in quadrature), the 95% normal interval and the relative difference with its delta-method interval.
Written from the paper, independently of Ceteris's Java code.
"""
import numpy as np
import pandas as pd
from quantile_rows import Z, comparison_rows

units = pd.read_csv("expected_units.csv")
# the study home_row_quantiles of ceteris.yaml: metric -> (per-unit column, level)
METRICS = {"watch_p50": ("watch_minutes", 0.5), "watch_p90": ("watch_minutes", 0.9), "sessions_p75": ("sessions", 0.75)}


def arm(values, q):
    x = np.sort(values[~np.isnan(values)])
    n = len(x)
    half = Z * np.sqrt(n * q * (1 - q))
    lo_rank, hi_rank = np.clip([n * q - half, n * q + half], 1, n)
    at = lambda rank: np.quantile(x, (rank - 1) / (n - 1), method="linear")
    return n, np.quantile(x, q, method="linear"), at(lo_rank), at(hi_rank)


rows = []
for metric, (column, q) in METRICS.items():
    rows += comparison_rows(metric, {v: arm(g[column].to_numpy(dtype=float), q) for v, g in units.groupby("variant")})
pd.DataFrame(rows).to_csv("expected_quantiles.csv", index=False, float_format="%.17g")
print(pd.DataFrame(rows).to_string())
