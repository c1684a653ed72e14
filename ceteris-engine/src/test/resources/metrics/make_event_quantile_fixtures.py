"""Expected scorecard rows of event-level quantile metrics (quantile: Q, quantile_level: event) for MetricAnalysisTest.

Run with /usr/bin/python3 (numpy, pandas from Debian) in this folder, after make_fixtures.py:
    python3 make_event_quantile_fixtures.py
Reads the raw logs (exposures.csv, activity.csv), keeps units exposed to exactly one variant of home_row, takes
their activity events in [first exposure, first exposure + 7 days) (only units whose window ended by the
log's latest event), and per arm computes the Q-quantile of the events' minutes (numpy, linear) and the
clustered order-statistic bracket of Liu, Sun, Varshney & Xu (2019, section 4): with S_i = unit i's events
at most the quantile and N_i its events, p = sum S / sum N, Var(p) = n/(n-1) * sum (S_i - p N_i)^2 / (sum N)^2,
ranks N * (q -/+ z sqrt(Var(p))) (1-based, clamped to 1..N) read with numpy's linear interpolation; then the
difference with control, its standard error (bracket width / 2z per arm, in quadrature), the 95% normal
interval and the relative difference with its delta-method interval. Written from the paper, independently
of Ceteris's Java and SQL. Writes expected_event_quantiles.csv.
"""
import numpy as np
import pandas as pd
from quantile_rows import Z, comparison_rows

DAY = pd.Timedelta(days=1)
ex = pd.read_csv("exposures.csv", parse_dates=["ts"])
act = pd.read_csv("activity.csv", parse_dates=["ts"])
ex = ex[ex.experiment == "home_row"]
g = ex.groupby("member_id")
units = pd.DataFrame({"variant": g["variant"].min(), "variants": g["variant"].nunique(), "first": g["ts"].min()})
units = units[units.variants == 1]
latest = act.ts.max()
units = units[units["first"] + 7 * DAY <= latest]  # windows that have ended
ev = act.merge(units, left_on="member_id", right_index=True)
ev = ev[(ev.ts >= ev["first"]) & (ev.ts < ev["first"] + 7 * DAY)]

# the study home_row_event_quantiles of ceteris.yaml: metric -> (level, event filter)
METRICS = {"session_p50": (0.5, None), "session_p90_tv": (0.9, lambda e: e.device == "tv")}


def arm(events, q):
    x = np.sort(events.minutes.to_numpy(dtype=float))
    n_ev = len(x)
    est = np.quantile(x, q, method="linear")
    per = events.groupby("member_id").minutes.agg(s=lambda v: int((v <= est).sum()), n="size")
    s, n = per.s.to_numpy(dtype=float), per.n.to_numpy(dtype=float)
    p = s.sum() / n.sum()
    k = len(per)
    var = k / (k - 1) * ((s - p * n) ** 2).sum() / n.sum() ** 2
    lo_rank, hi_rank = np.clip([n_ev * (q - Z * np.sqrt(var)), n_ev * (q + Z * np.sqrt(var))], 1, n_ev)
    at = lambda rank: np.quantile(x, (rank - 1) / (n_ev - 1), method="linear")
    return n_ev, est, at(lo_rank), at(hi_rank)


rows = []
for metric, (q, flt) in METRICS.items():
    e = ev if flt is None else ev[flt(ev)]
    rows += comparison_rows(metric, {v: arm(grp, q) for v, grp in e.groupby("variant")})
pd.DataFrame(rows).to_csv("expected_event_quantiles.csv", index=False, float_format="%.17g")
print(pd.DataFrame(rows).to_string())
