#!/usr/bin/python3
"""The peer of `ceteris ab --metric m --covariate m=x` for bench/ab-csv/run.sh: pandas reads the
CSV, then per variant n, mean and variance of m and of x and their covariance; CUPED with the pooled
theta = cov(m, x) / var(x); Welch's t interval (scipy) on the raw and on the adjusted means.
Usage: /usr/bin/python3 bench/ab-csv/pandas_ab.py FILE.csv"""
import sys
import numpy as np
import pandas as pd
from scipy import stats

df = pd.read_csv(sys.argv[1], usecols=["variant", "m", "x"])
g = df.groupby("variant")
n, mean, var = g["m"].count(), g["m"].mean(), g["m"].var()
xm, xv = g["x"].mean(), g["x"].var()
cov = g.apply(lambda d: np.cov(d["m"], d["x"])[0, 1])
theta = np.cov(df["m"], df["x"])[0, 1] / df["x"].var()
adj_var = var - 2 * theta * cov + theta ** 2 * xv
adj_mean = mean - theta * (xm - df["x"].mean())
c, t = "control", "B"
for label, mu, v in (("raw", mean, var), ("cuped", adj_mean, adj_var)):
    se = np.sqrt(v[t] / n[t] + v[c] / n[c])
    dfw = se ** 4 / ((v[t] / n[t]) ** 2 / (n[t] - 1) + (v[c] / n[c]) ** 2 / (n[c] - 1))
    q = stats.t.ppf(0.975, dfw)
    est = mu[t] - mu[c]
    print(f"{label}: estimate {est:.10f} se {se:.10f} ci [{est - q * se:.10f}, {est + q * se:.10f}]")
print(f"variance reduction {1 - adj_var[t] / var[t]:.10f}")
