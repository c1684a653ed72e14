"""Generates the metric fixtures of MetricTableTest and computes the expected per-unit values with pandas.

Run with /usr/bin/python3 (pandas, numpy from Debian) in this folder:  python3 make_fixtures.py
Writes exposures.csv, activity.csv, plays.csv (the raw logs) and expected_units.csv (one row per unit
the study keeps: variant, slices, every metric and its CUPED covariate, computed here from the logs with
pandas, independently of Ceteris's SQL). The semantics implemented below are those of docs/metrics.md.
"""
import numpy as np
import pandas as pd

rng = np.random.default_rng(19)
BASE = pd.Timestamp("2026-03-01 00:00:00")
DAY = pd.Timedelta(days=1)

# ---- exposure log: 400 members, exposed over 10 days; a few special cases
members = [f"m{i:04d}" for i in range(400)]
rows = []
for m in members:
    t = BASE + pd.Timedelta(seconds=int(rng.integers(0, 10 * 86400)))
    v = "control" if rng.random() < 0.5 else "B"
    country = rng.choice(["BR", "DE", "US"])
    device = rng.choice(["phone", "tv"])
    rows.append((m, "home_row", v, t, country, device))
    if rng.random() < 0.3:  # a later exposure to the same variant: the first one starts the windows
        rows.append((m, "home_row", v, t + pd.Timedelta(seconds=int(rng.integers(1, 3 * 86400))), country, device))
# exposed to both variants: dropped and counted
rows.append(("x0001", "home_row", "control", BASE + 2 * DAY, "US", "tv"))
rows.append(("x0001", "home_row", "B", BASE + 3 * DAY, "US", "tv"))
rows.append(("x0002", "home_row", "B", BASE + 1 * DAY, "BR", "phone"))
rows.append(("x0002", "home_row", "control", BASE + 1 * DAY, "BR", "phone"))
# another experiment in the same log: ignored
rows.append(("o0001", "other", "B", BASE + 1 * DAY, "US", "tv"))
rows.append(("m0000", "other", "B", BASE - 5 * DAY, "US", "tv"))
# edge unit: first exposure at a known time; events exactly at it and exactly 7 days later
EDGE_T = BASE + pd.Timedelta(days=2, hours=6)
rows.append(("e0001", "home_row", "control", EDGE_T, "DE", "tv"))
rows.append(("e0002", "home_row", "B", EDGE_T, "DE", "phone"))
# slices are the values at first exposure: c0001 moves from US/tv to BR/phone after it (the smallest would be BR/phone)
rows.append(("c0001", "home_row", "B", BASE + 4 * DAY, "BR", "phone"))
rows.append(("c0001", "home_row", "B", BASE + 3 * DAY, "US", "tv"))
exposures = pd.DataFrame(rows, columns=["member_id", "experiment", "variant", "ts", "country", "device"])
exposures = exposures.sample(frac=1, random_state=7).reset_index(drop=True)  # row order must not matter

# ---- activity log: viewing sessions, from 14 days before the test to 2026-03-15 12:00 (later exposures: incomplete)
END = pd.Timestamp("2026-03-15 12:00:00")
act = []
for m in members + ["x0001", "x0002", "o0001", "n0001"]:
    rate = rng.gamma(2.0, 1.5)
    n = rng.poisson(rate * 3)
    for _ in range(n):
        t = BASE - 14 * DAY + pd.Timedelta(seconds=int(rng.integers(0, int((END - BASE + 14 * DAY).total_seconds()))))
        minutes = float(np.round(rng.exponential(35.0), 3))
        if rng.random() < 0.01:
            minutes = float(np.round(rng.exponential(900.0), 3))  # heavy tail, for the cap
        act.append((m, t, minutes, f"t{int(rng.integers(0, 12))}", "tv" if rng.random() < 0.4 else "phone"))
act.append(("e0001", EDGE_T, 5.0, "t1", "tv"))                       # exactly at first exposure: counts
act.append(("e0001", EDGE_T + 7 * DAY, 11.0, "t2", "tv"))            # exactly at +7d: outside 0d-7d, inside 7d-9d
act.append(("e0001", EDGE_T - pd.Timedelta(seconds=1), 3.0, "t3", "phone"))  # before exposure: only the CUPED covariate
act.append(("e0002", EDGE_T + 7 * DAY - pd.Timedelta(seconds=1), 2.5, "t4", "phone"))  # last second of 0d-7d
act.append(("n0001", END, 1.0, "t1", "tv"))  # the latest event, of a unit never exposed
activity = pd.DataFrame(act, columns=["member_id", "ts", "minutes", "title_id", "device"])
activity = activity.sample(frac=1, random_state=8).reset_index(drop=True)

# ---- plays log
pl = []
for m in members:
    for _ in range(rng.poisson(1.2)):
        pl.append((m, BASE + pd.Timedelta(seconds=int(rng.integers(0, 17 * 86400)))))
pl.append(("e0001", EDGE_T + DAY))  # exactly at +1d: outside 0d-1d
plays = pd.DataFrame(pl, columns=["member_id", "ts"])

fmt = "%Y-%m-%d %H:%M:%S"
for df, name in [(exposures, "exposures.csv"), (activity, "activity.csv"), (plays, "plays.csv")]:
    out = df.copy()
    out["ts"] = out["ts"].dt.strftime(fmt)
    out.to_csv(name, index=False)

# ---- expected per-unit values (the study in ceteris.yaml next to this script)
ex = exposures[exposures.experiment == "home_row"]
g = ex.groupby("member_id")


def at_first(col):
    """A slice's value on the unit's earliest exposure row (ties: the smallest value)."""
    return ex.sort_values(["member_id", "ts", col]).groupby("member_id")[col].first()


units = pd.DataFrame({
    "variant": g["variant"].min(),
    "variants": g["variant"].nunique(),
    "first_exposure": g["ts"].min(),
    "country": at_first("country"),
    "device": at_first("device"),
})
units = units[units.variants == 1].drop(columns="variants")

CUPED = 14


def metric(source, value, agg, start, end, flt=None, cap=None):
    """Per-unit values over [first + start days, first + end days) (end None: to the end of the data)."""
    src = source if flt is None else source[flt(source)]
    latest = source["ts"].max()
    j = src.merge(units[["first_exposure"]], left_on="member_id", right_index=True)
    def agg_in(lo, hi):
        w = j[(j.ts >= j.first_exposure + lo * DAY) & ((hi is None) | (j.ts < j.first_exposure + (0 if hi is None else hi) * DAY))]
        grp = w.groupby("member_id")
        if agg == "sum":
            s = grp[value].sum()
        elif agg == "count":
            s = grp.size()
        elif agg == "max":
            s = grp[value].max()
        elif agg == "count_distinct":
            s = grp[value].nunique()
        elif agg in ("exists", "absent"):
            s = (grp.size() > 0).astype(float)
        s = s.reindex(units.index).fillna(0.0).astype(float)
        if agg == "absent":
            s = 1.0 - s
        return s
    v = agg_in(start, end)
    if end is not None:
        v[units.first_exposure + end * DAY > latest] = np.nan
    pre = agg_in(-CUPED, 0)
    if cap is not None:
        if isinstance(cap, str):
            q = float(cap[1:]) / 100
            v = v.clip(upper=np.nanquantile(v, q, method="linear"))
            pre = pre.clip(upper=np.nanquantile(pre, q, method="linear"))
        else:
            v = v.clip(upper=cap)
            pre = pre.clip(upper=cap)
    return v, pre


defs = {
    "watch_minutes": (activity, "minutes", "sum", 0, 7),
    "sessions": (activity, None, "count", 0, 7),
    "max_minutes": (activity, "minutes", "max", 0, 7),
    "titles": (activity, "title_id", "count_distinct", 0, 7),
    "played": (plays, None, "exists", 0, 1),
    "inactive_7_9": (activity, None, "absent", 7, 9),
    "tv_minutes": (activity, "minutes", "sum", 0, None, lambda s: s.device == "tv"),
    "capped_minutes": (activity, "minutes", "sum", 0, 7, None, "p99"),
    "fixed_cap_minutes": (activity, "minutes", "sum", 0, 3, None, 100.0),
}
for name, d in defs.items():
    v, pre = metric(*d)
    units[name] = v
    units[name + "_cuped"] = pre

units = units.reset_index().sort_values("member_id")
units["first_exposure"] = units["first_exposure"].dt.strftime(fmt)
units.to_csv("expected_units.csv", index=False, float_format="%.17g")
print(len(units), "units;", int((exposures.groupby("member_id").variant.nunique() > 1).sum()), "multiple")
