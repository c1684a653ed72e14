"""Reference values for org.ceteris.observational, produced independently of the Java code.

Run with Debian's Python (statsmodels + pandas):  /usr/bin/python3 make_fixtures.py
Writes sim_cat.csv (simulated data, seed 20261127) and the fixtures *_ref.csv next to this file.

- propensity_ref.csv: statsmodels Logit(treat, add_constant(X)).fit(method='newton', tol=1e-12, maxiter=100)
  coefficients, X one-hot encoded with the first (sorted) level dropped.
- estimates_ref.csv: numpy implementations of REFERENCES.md §6 on the statsmodels scores:
  IPW Hajek (ATE, ATT) with the HC0 sandwich of WLS y~T (statsmodels WLS cov_type='HC0'),
  AIPW with per-arm OLS outcome models (ATE, ATT; SE = sd(psi, ddof=1)/sqrt(n)),
  regression adjustment y ~ T + Xc + T:Xc (Lin 2013; Xc centred on all units for ATE, treated for ATT),
  statsmodels OLS cov_type='HC2'; trimmed variants drop units with score outside [q, 1-q].
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def simulate():
    rng = np.random.default_rng(20261127)
    n = 800
    x1 = np.round(rng.normal(0, 1, n) * 2) / 2          # coarse: many ties
    x2 = rng.integers(0, 4, n).astype(float)
    race = rng.choice(["white", "black", "hispanic"], n, p=[0.5, 0.3, 0.2])
    lin = -0.3 + 0.8 * x1 - 0.25 * x2 + 0.7 * (race == "black") - 0.4 * (race == "hispanic")
    t = (rng.uniform(size=n) < 1 / (1 + np.exp(-lin))).astype(int)
    y = 1 + 2.0 * t + 1.5 * x1 + 0.5 * x2 + 1.0 * (race == "black") + rng.normal(0, 1, n)
    d = pd.DataFrame({"treat": t, "x1": x1, "x2": x2, "race": race, "y": np.round(y, 6)})
    d.to_csv(os.path.join(HERE, "sim_cat.csv"), index=False)
    return d


def design(d, covs):
    cols = {}
    for c in covs:
        if d[c].dtype == object:
            levels = sorted(d[c].unique())
            for lv in levels[1:]:
                cols[f"{c}_{lv}"] = (d[c] == lv).astype(float)
        else:
            cols[c] = d[c].astype(float)
    return pd.DataFrame(cols)


def estimates(y, t, e, X, label, q):
    keep = (e >= q) & (e <= 1 - q) if q > 0 else np.ones(len(y), bool)
    y, t, e, X = y[keep], t[keep], e[keep], X[keep]
    rows = []
    n = len(y)
    T = sm.add_constant(t.astype(float))
    for estimand in ["ate", "att"]:
        if estimand == "ate":
            w = np.where(t == 1, 1 / e, 1 / (1 - e))
        else:
            w = np.where(t == 1, 1.0, e / (1 - e))
        fit = sm.WLS(y, T, weights=w).fit(cov_type="HC0")
        est = np.sum(w * t * y) / np.sum(w * t) - np.sum(w * (1 - t) * y) / np.sum(w * (1 - t))
        assert abs(est - fit.params[1]) < 1e-8 * max(1, abs(est))
        rows.append((label, q, "ipw", estimand, est, fit.bse[1]))
        Xc = sm.add_constant(X)
        b1 = np.linalg.lstsq(Xc[t == 1], y[t == 1], rcond=None)[0]
        b0 = np.linalg.lstsq(Xc[t == 0], y[t == 0], rcond=None)[0]
        m1, m0 = Xc @ b1, Xc @ b0
        if estimand == "ate":
            psi = m1 - m0 + t * (y - m1) / e - (1 - t) * (y - m0) / (1 - e)
        else:
            p = t.mean()
            psi = (t * (y - m0) - (1 - t) * e / (1 - e) * (y - m0)) / p
        rows.append((label, q, "aipw", estimand, psi.mean(), psi.std(ddof=1) / np.sqrt(n)))
        centre = X.mean(axis=0) if estimand == "ate" else X[t == 1].mean(axis=0)
        Z = X - centre
        D = np.column_stack([np.ones(n), t, Z, Z * t[:, None]])
        ols = sm.OLS(y, D).fit(cov_type="HC2")
        rows.append((label, q, "regression", estimand, ols.params[1], ols.bse[1]))
    return rows


def main():
    sim = simulate()
    nsw = pd.read_csv(os.path.join(HERE, "nsw_cps1.csv"))
    datasets = [
        ("sim_cat", sim, ["x1", "x2", "race"], "y"),
        ("nsw_cps1", nsw, ["age", "educ", "black", "hisp", "marr", "nodegree", "re74", "re75"], "re78"),
    ]
    prop, est = [], []
    for label, d, covs, outcome in datasets:
        X = design(d, covs)
        t = d["treat"].to_numpy()
        fit = sm.Logit(t, sm.add_constant(X)).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
        for name, b in zip(["(intercept)"] + list(X.columns), fit.params):
            prop.append((label, name, b))
        e = fit.predict()
        for q in [0.0, 0.05]:
            est += estimates(d[outcome].to_numpy(float), t, e, X.to_numpy(), label, q)
    with open(os.path.join(HERE, "propensity_ref.csv"), "w") as f:
        f.write("# statsmodels %s Logit(treat, add_constant(X)).fit(method='newton', tol=1e-12); make_fixtures.py\n" % sm.__version__ if hasattr(sm, "__version__") else "")
        f.write("dataset,term,coef\n")
        for r in prop:
            f.write("%s,%s,%.17g\n" % r)
    with open(os.path.join(HERE, "estimates_ref.csv"), "w") as f:
        f.write("# numpy/statsmodels implementation of REFERENCES.md section 6 on statsmodels Logit scores; make_fixtures.py\n")
        f.write("dataset,trim,method,estimand,estimate,se\n")
        for r in est:
            f.write("%s,%g,%s,%s,%.17g,%.17g\n" % r)


if __name__ == "__main__":
    main()
