"""IPW and AIPW from statsmodels.treatment.TreatmentEffect (statsmodels >= 0.14), an implementation of
the estimators independent of the numpy formulas in make_fixtures.py, on sim_cat.csv.

Debian bookworm's statsmodels is 0.13.5, which has no TreatmentEffect; this was run with statsmodels
0.15.0 installed by pip into a virtual environment over Debian's numpy/scipy/pandas:

    python3 -m venv --system-site-packages VENV && VENV/bin/pip install --no-deps statsmodels==0.15.0
    VENV/bin/python make_statsmodels_te_fixture.py          (in this folder)

Propensity: Logit(treat, add_constant(X)) with X as in make_fixtures.design (one-hot, first level
dropped); outcome model: OLS(y, add_constant(X)) per arm. TreatmentEffect estimates everything jointly
by GMM: IPW ATE (effect_group="all") and ATT (effect_group=1) with normalised weights, AIPW ATE
(aipw()). Its standard errors count the estimation of the propensity and outcome models, so they
are not Ceteris's (IPW: the HC0 sandwich with weights taken as known, larger; AIPW: sd(psi)/sqrt(n)).
Writes statsmodels_te_ref.csv: dataset,method,estimand,estimate,se.
"""
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.treatment.treatment_effects import TreatmentEffect

from make_fixtures import design

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rows = []
    # only sim_cat: on nsw_cps1 (earnings in dollars, 16,177 rows) the joint GMM stops at a different
    # propensity model than the Logit fit (IPW ATT 1578 with se 6e9), so it is no reference there
    for label, covs, outcome in [("sim_cat", ["x1", "x2", "race"], "y")]:
        d = pd.read_csv(os.path.join(HERE, label + ".csv"))
        X = sm.add_constant(design(d, covs).to_numpy(float))
        t = d["treat"].to_numpy(int)
        y = d[outcome].to_numpy(float)
        ps = sm.Logit(t, X).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
        te = TreatmentEffect(sm.OLS(y, X), t, results_select=ps)
        ate = te.ipw(effect_group="all")
        att = te.ipw(effect_group=1)
        aipw = te.aipw()
        rows.append((label, "ipw", "ate", ate.effect[0], ate.sd[0]))
        rows.append((label, "ipw", "att", att.effect[0], att.sd[0]))
        rows.append((label, "aipw", "ate", aipw.effect[0], aipw.sd[0]))
    with open(os.path.join(HERE, "statsmodels_te_ref.csv"), "w") as f:
        f.write("# statsmodels %s TreatmentEffect (ipw, aipw) on sim_cat.csv; "
                "make_statsmodels_te_fixture.py\n" % statsmodels.__version__)
        f.write("dataset,method,estimand,estimate,se\n")
        for r in rows:
            f.write("%s,%s,%s,%.17g,%.17g\n" % r)


if __name__ == "__main__":
    main()
