"""Times one pysyncon fit on a panel from make_panel.py (the 1,000-donor comparison in BENCHMARKS.md).
pysyncon is not part of Ceteris: export it from sdfordham/pysyncon into a folder outside the
repository and point PYSYNCON_SRC at it.

Usage: PYSYNCON_SRC=/tmp/pysyncon_src /usr/bin/python3 pysyncon_panel.py PANEL.csv
The same specification as bench/synth/run.sh gives Ceteris: predictors x1 and x2 (means over the
pre-period), y at periods 40, 60 and 80, fit on periods 1-80; Synth.fit(Nelder-Mead, initial "equal").
"""
import os
import sys
import time

sys.path.insert(0, os.environ["PYSYNCON_SRC"])
import pandas as pd  # noqa: E402
from pysyncon import Dataprep, Synth  # noqa: E402

df = pd.read_csv(sys.argv[1])
controls = sorted(u for u in df["unit"].unique() if u != "treated")
dp = Dataprep(
    foo=df,
    predictors=["x1", "x2"],
    predictors_op="mean",
    time_predictors_prior=range(1, 81),
    special_predictors=[("y", [40], "mean"), ("y", [60], "mean"), ("y", [80], "mean")],
    dependent="y",
    unit_variable="unit",
    time_variable="period",
    treatment_identifier="treated",
    controls_identifier=controls,
    time_optimize_ssr=range(1, 81),
)
start = time.perf_counter()
synth = Synth()
synth.fit(dataprep=dp, optim_method="Nelder-Mead", optim_initial="equal")
print(f"pysyncon fit ({len(controls)} donors): {time.perf_counter() - start:.1f} s", flush=True)
w = synth.weights().sort_values(ascending=False)
print("weights:", {k: round(float(v), 3) for k, v in w[w > 0.01].items()})
