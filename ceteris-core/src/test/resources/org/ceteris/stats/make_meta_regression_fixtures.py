"""Reference values for org.ceteris.stats.MetaRegression (MetaRegressionTest).

Run once with Debian's /usr/bin/python3 (numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5):
    /usr/bin/python3 make_meta_regression_fixtures.py
Writes meta_regression_data.csv (inputs) and meta_regression_expected.csv (reference values).

tau^2: DerSimonian-Laird for meta-regression (Raudenbush 2009, eq. 16.43), written here with an
explicit hat matrix in numpy; for intercept-only cases it is checked against statsmodels'
combine_effects(method_re="dl") before being written.
Coefficients, standard errors, intervals, p-values and the standard error of the mean prediction:
statsmodels WLS(y, X, weights=1/(v+tau^2)).fit() (its default scale = Knapp-Hartung's s^2, t on k-p df).
Prediction interval of a new true effect: mean +/- t_{k-p}(1-alpha/2) * sqrt(se_mean^2 + tau2_pred), where
tau2_pred is the upper end of the 50% Q-profile interval of tau^2 (Viechtbauer 2007): the root of
sum r_i^2/(v_i+t) = chi2_{k-p}.ppf(0.25) over t, found here with scipy's brentq on statsmodels WLS residuals.
"""
import csv
import numpy as np
import scipy.stats as st
from scipy.optimize import brentq
import statsmodels.api as sm
from statsmodels.stats.meta_analysis import combine_effects

rng = np.random.default_rng(20261205)
cases = []
# (name, k, number of moderators, tau, moderator scale)
for name, k, p, tau, scale in [("one_trait_k8", 8, 1, 1.5, 1.0), ("two_traits_k12", 12, 2, 0.8, 1.0),
                                ("big_scale_k10", 10, 1, 2.0, 1e5), ("homogeneous_k9", 9, 1, 0.0, 1.0),
                                ("intercept_k7", 7, 0, 1.0, 1.0), ("three_traits_k6", 6, 3, 0.5, 1.0)]:
    x = rng.normal(size=(k, p)) * scale + 3 * scale
    beta = np.concatenate([[2.0], rng.normal(size=p) / scale])
    v = rng.uniform(0.2, 3.0, size=k)
    X = np.column_stack([np.ones(k), x])
    y = X @ beta + rng.normal(size=k) * tau + rng.normal(size=k) * np.sqrt(v)
    cand = rng.normal(size=(3, p)) * scale + 3 * scale
    cases.append((name, x, y, v, cand))

data_rows, expected = [], []
for name, x, y, v, cand in cases:
    k, p = x.shape
    X = np.column_stack([np.ones(k), x])
    W = np.diag(1 / v)
    inv = np.linalg.inv(X.T @ W @ X)
    P = W - W @ X @ inv @ X.T @ W
    qe = float(y @ P @ y)
    tau2 = max(0.0, (qe - (k - p - 1)) / np.trace(P))
    if p == 0:
        ce = combine_effects(y, v, method_re="dl")
        assert abs(max(0.0, ce.tau2) - tau2) < 1e-12 * max(1, tau2), (ce.tau2, tau2)  # combine_effects does not truncate at 0
    res = sm.WLS(y, X, weights=1 / (v + tau2)).fit()

    def gen_q(t):
        r = sm.WLS(y, X, weights=1 / (v + t)).fit()
        return float(np.sum(r.resid ** 2 / (v + t)))
    target = st.chi2.ppf(0.25, k - p - 1)
    tau2_pred = 0.0 if gen_q(0.0) <= target else brentq(lambda t: gen_q(t) - target, 0.0, 1e6, xtol=1e-15, rtol=1e-15, maxiter=500)
    for i in range(k):
        data_rows.append([name, "estimate", repr(float(y[i])), repr(float(v[i]))] + [repr(float(c)) for c in x[i]])
    for c in cand:
        data_rows.append([name, "candidate", "", ""] + [repr(float(z)) for z in c])
    expected += [[name, "tau2", repr(tau2)], [name, "q_e", repr(qe)], [name, "tau2_pred", repr(float(tau2_pred))], [name, "df", repr(float(res.df_resid))],
                 [name, "scale", repr(float(res.scale))]]
    for j in range(p + 1):
        expected += [[name, f"beta{j}", repr(float(res.params[j]))], [name, f"se{j}", repr(float(res.bse[j]))],
                     [name, f"p{j}", repr(float(res.pvalues[j]))]]
        for alpha in (0.05, 0.1):
            lo, hi = res.conf_int(alpha=alpha)[j]
            expected += [[name, f"low{j}_{alpha}", repr(float(lo))], [name, f"high{j}_{alpha}", repr(float(hi))]]
    for ci, c in enumerate(cand):
        pr = res.get_prediction(np.concatenate([[1.0], c]).reshape(1, -1))
        mean, se_mean = float(pr.predicted_mean[0]), float(pr.se_mean[0])
        half = st.t.ppf(0.95, res.df_resid) * np.sqrt(se_mean ** 2 + tau2_pred)
        expected += [[name, f"pred{ci}", repr(mean)], [name, f"pi_low{ci}_0.1", repr(mean - half)],
                     [name, f"pi_high{ci}_0.1", repr(mean + half)]]

with open("meta_regression_data.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "kind", "y", "v", "x..."])
    w.writerows(data_rows)
with open("meta_regression_expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "quantity", "value"])
    w.writerows(expected)
