"""Times pysyncon on Proposition 99 (the comparison in BENCHMARKS.md). pysyncon is not part of Ceteris:
export it from sdfordham/pysyncon into a folder outside the repository and point PYSYNCON_SRC at it.

Usage: PYSYNCON_SRC=/tmp/pysyncon_src /usr/bin/python3 pysyncon_prop99.py DATA.csv [--placebos]
Runs with Debian's python3-numpy/-scipy/-pandas: Synth.fit(Nelder-Mead, initial "equal"), as in
pysyncon's own examples, and optionally PlaceboTest over all 38 donors.
"""
import os
import sys
import time

sys.path.insert(0, os.environ["PYSYNCON_SRC"])
import pandas as pd  # noqa: E402
from pysyncon import Dataprep, Synth  # noqa: E402
from pysyncon.utils import PlaceboTest  # noqa: E402

df = pd.read_csv(sys.argv[1])
df["year"] = df["year"].astype(int)
controls = sorted(s for s in df["state"].unique() if s != "California")
dp = Dataprep(
    foo=df,
    predictors=["lnincome", "age15to24", "retprice"],
    predictors_op="mean",
    time_predictors_prior=range(1980, 1989),
    special_predictors=[("beer", range(1984, 1989), "mean"), ("cigsale", [1988], "mean"),
                        ("cigsale", [1980], "mean"), ("cigsale", [1975], "mean")],
    dependent="cigsale",
    unit_variable="state",
    time_variable="year",
    treatment_identifier="California",
    controls_identifier=controls,
    time_optimize_ssr=range(1970, 1989),
)
start = time.perf_counter()
synth = Synth()
synth.fit(dataprep=dp, optim_method="Nelder-Mead", optim_initial="equal")
fit_s = time.perf_counter() - start
w = synth.weights().sort_values(ascending=False)
print(f"pysyncon fit: {fit_s:.1f} s")
print("weights:", {k: round(float(v), 3) for k, v in w[w > 0.001].items()})
if "--placebos" in sys.argv:
    start = time.perf_counter()
    pt = PlaceboTest()
    pt.fit(dataprep=dp, scm=Synth(), scm_options={"optim_method": "Nelder-Mead", "optim_initial": "equal"}, verbose=False)
    print(f"pysyncon placebos: {time.perf_counter() - start:.1f} s")
    print("pysyncon p-value (treated not counted):", pt.pvalue(treatment_time=1989))
