"""Benchmark data for `ceteris observe` and MatchIt: n units, 10 covariates (8 normal, 2 binary),
treatment from a logistic model, outcome linear with effect 2.  python3 make_data.py N OUT.csv"""
import sys
import numpy as np

n, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(20261127)
x = rng.normal(size=(n, 10))
x[:, 8] = (x[:, 8] > 0.3).astype(float)
x[:, 9] = (x[:, 9] > -0.5).astype(float)
beta = np.array([0.5, -0.4, 0.3, 0.2, -0.2, 0.1, 0.1, -0.1, 0.6, -0.3])
t = (rng.uniform(size=n) < 1 / (1 + np.exp(-(-1.2 + x @ beta)))).astype(int)
y = 1 + 2 * t + x @ np.linspace(1, 0.1, 10) + rng.normal(size=n)
header = "treat,y," + ",".join(f"x{j}" for j in range(1, 11))
data = np.column_stack([t, y, x])
np.savetxt(out, data, delimiter=",", header=header, comments="", fmt=["%d", "%.6f"] + ["%.6f"] * 10)
