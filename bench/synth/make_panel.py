"""Writes a seeded synthetic-control benchmark panel: N donors + 1 treated unit over T periods.

Usage: python3 make_panel.py OUT.csv [N=1000] [T=100]
Outcome from a three-factor model with unit loadings and noise; the treated unit is a convex mix
of five donors plus an effect of -5 from period 0.8 T on. Two covariates per unit-period.
"""
import sys
import numpy as np

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
T = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = np.random.default_rng(20261127)
f = np.cumsum(rng.normal(size=(T, 3)), axis=0)
load = rng.normal(size=(n, 3)) + np.array([1.0, 0.0, 0.0])
level = rng.uniform(50, 150, size=n)
mix = rng.dirichlet(np.ones(5))
idx = rng.choice(n, 5, replace=False)
t_load = mix @ load[idx]
t_level = mix @ level[idx]
t0 = int(0.8 * T) + 1
with open(out, "w") as fh:
    fh.write("unit,period,y,x1,x2\n")
    for u in range(n + 1):
        name = "treated" if u == n else f"D{u:04d}"
        lo = t_load if u == n else load[u]
        lv = t_level if u == n else level[u]
        for t in range(T):
            y = lv + f[t] @ lo + rng.normal()
            if u == n and t + 1 >= t0:
                y -= 5
            fh.write(f"{name},{t + 1},{y:.4f},{lv / 10 + rng.normal():.4f},{lo[0] + 0.1 * rng.normal():.4f}\n")
print(f"wrote {out}: {n} donors + 1 treated x {T} periods, treatment at period {t0}")
