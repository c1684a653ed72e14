"""Bootstrap reference for org.ceteris.experiment.quantile (Debian /usr/bin/python3, numpy 1.24).

    /usr/bin/python3 make_fixtures.py

writes quantile_data.csv (two arms of fixed seeded data: log-normal and zero-inflated log-normal) and
quantile_bootstrap.csv: per shape and q, numpy's quantile difference (default linear interpolation,
as DuckDB quantile_cont) and the bootstrap standard error of it (20,000 resamples of each arm, seed 19).
"""
import numpy as np

rng = np.random.default_rng(2019)
rows = []
data = {}
for shape in ["log_normal", "zero_inflated"]:
    for arm, scale in [("control", 1.0), ("B", 1.05)]:
        x = scale * np.exp(3 + 1.2 * rng.standard_normal(700))
        if shape == "zero_inflated":
            x[rng.random(700) < 0.3] = 0.0
        data[(shape, arm)] = x
        rows += [(shape, arm, repr(float(v))) for v in x]
with open("quantile_data.csv", "w") as f:
    f.write("shape,variant,value\n")
    for r in rows:
        f.write(",".join(r) + "\n")

boot = np.random.default_rng(19)
with open("quantile_bootstrap.csv", "w") as f:
    f.write("shape,q,difference,bootstrap_se\n")
    for shape in ["log_normal", "zero_inflated"]:
        c, t = data[(shape, "control")], data[(shape, "B")]
        for q in [0.5, 0.9]:
            d = np.quantile(t, q) - np.quantile(c, q)
            b = np.empty(20000)
            for i in range(len(b)):
                b[i] = np.quantile(boot.choice(t, len(t)), q) - np.quantile(boot.choice(c, len(c)), q)
            f.write(f"{shape},{q},{d!r},{b.std(ddof=1)!r}\n")
