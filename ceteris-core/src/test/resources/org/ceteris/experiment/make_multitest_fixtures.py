#!/usr/bin/env python3
"""Holm and Benjamini-Hochberg reference values from statsmodels (Debian's /usr/bin/python3).

Run after make_fixtures.py, from this folder:  /usr/bin/python3 make_multitest_fixtures.py

Writes multitest_expected.csv with
  RUN/p/i, RUN/holm/i, RUN/fdr_bh/i   for i = 0..m-1
where holm and fdr_bh are statsmodels.stats.multitest.multipletests(p, method='holm' | 'fdr_bh')[1].
RUN is either a scorecard run over a dataset of ab_expected.csv, whose p-values are taken from that
file in the scorecard's order (metrics in the order given, treatment variants in sort order), or
a seeded random vector (numpy.random.default_rng) with ties, tiny and large p-values.
"""
import csv
import os

import numpy as np
import statsmodels
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))

# dataset -> (control, treatment variants in sort order)
DATASETS = {"heavy": ("control", ["B", "C"]), "large": ("A", ["B"]), "gaps": ("control", ["treat1", "treat2"]),
            "stable": ("control", ["B"]), "events": ("control", ["treatment"])}
# a scorecard run: --metric y --metric conv --ratio num_den=num/den  (means first, then ratios)
MAIN = ["welch/y", "welch/conv", "ratio/num_den"]


def main():
    ref = {}
    with open(os.path.join(HERE, "ab_expected.csv")) as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if row[0] != "key":
                ref[row[0]] = float(row[1])
    runs = {}
    for ds, (_, treated) in DATASETS.items():
        runs[f"{ds}_main"] = [ref[f"{ds}/{m}/{v}/p_value"] for m in MAIN for v in treated]
        runs[f"{ds}_cuped"] = [ref[f"{ds}/cuped/y_x/{v}/p_value"] for v in treated]
    rng = np.random.default_rng(99)
    for i in range(6):
        m = int(rng.integers(2, 40))
        p = rng.beta(0.4, 1.0, size=m)
        p[rng.random(m) < 0.2] = p[0]                      # ties
        p[rng.random(m) < 0.1] = rng.random() * 1e-12      # tiny values
        if i == 5:
            p[:] = 1.0 - 1e-3 * rng.random(m)              # all large
        runs[f"random{i}"] = list(p)
    with open(os.path.join(HERE, "multitest_expected.csv"), "w") as f:
        f.write(f"# statsmodels {statsmodels.__version__} multipletests(p, method='holm'|'fdr_bh')[1], written by make_multitest_fixtures.py\n")
        f.write("key,value\n")
        for name, p in runs.items():
            p = np.array(p, dtype=float)
            holm = multipletests(p, method="holm")[1]
            bh = multipletests(p, method="fdr_bh")[1]
            for i in range(len(p)):
                f.write(f"{name}/p/{i},{float(p[i])!r}\n")
                f.write(f"{name}/holm/{i},{float(holm[i])!r}\n")
                f.write(f"{name}/fdr_bh/{i},{float(bh[i])!r}\n")


if __name__ == "__main__":
    main()
