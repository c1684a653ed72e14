#!/usr/bin/env python3
"""Writes a staggered-adoption panel for the `ceteris did` benchmark: units x periods rows,
never-treated units plus 5 cohorts (first treated 5, 8, 11, 14, 17), effect 1 after adoption.
Usage: python3 bench/did/make_panel.py OUT.csv [units] [periods]"""
import sys
import numpy as np

out = sys.argv[1]
units = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
periods = int(sys.argv[3]) if len(sys.argv) > 3 else 20
rng = np.random.default_rng(1)
g = rng.choice([0, 5, 8, 11, 14, 17], size=units)
alpha = rng.normal(size=units)
u = np.repeat(np.arange(units), periods)
t = np.tile(np.arange(1, periods + 1), units)
gg = np.repeat(g, periods)
y = np.repeat(alpha, periods) + 0.1 * t + ((gg > 0) & (t >= gg)) * 1.0 + rng.normal(size=units * periods)
with open(out, "w") as f:
    f.write("unit,period,first_treated,y\n")
    np.savetxt(f, np.column_stack([u, t, gg, y]), fmt=["%d", "%d", "%d", "%.6f"], delimiter=",")
