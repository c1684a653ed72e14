#!/usr/bin/env python3
"""Reference values for the tests of a DAG's implications (DagInputsTest).

Run: python3 make_dag_fixtures.py   (numpy + scipy; writes the CSV data and the JSON fixtures here)

numeric: data from the linear SEM  A->C, B->C, C->D, A->E, D->E plus an extra B->E (so the
implication B _||_ E | A, D is false), n = 500, numpy seed 7. Each implication of the DAG
  dag { A -> C; B -> C; C -> D; A -> E; D -> E }
is tested by the partial correlation of the residuals of x and y after least squares on the
conditioning set (numpy.linalg.lstsq with intercept), Fisher z = atanh(r) * sqrt(n - |Z| - 3),
p = 2 * scipy.stats.norm.sf(|z|).

discrete: data from  Z -> X -> M -> Y, Z -> Y  plus an extra Z -> M (so M _||_ Z | X is false),
categorical levels, n = 800, numpy seed 11. Each implication is tested by summing, over the strata
of the conditioning variables, scipy.stats.chi2_contingency(table, correction=False) (Pearson)
and chi2_contingency(table, correction=False, lambda_="log-likelihood") (G), with rows/columns
that are empty in a stratum dropped; df and p from the summed statistic and summed dof.
"""
import json
import numpy as np
from scipy import stats

here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def numeric():
    rng = np.random.default_rng(7)
    n = 500
    A = rng.normal(size=n)
    B = rng.normal(size=n)
    C = 0.8 * A - 0.6 * B + rng.normal(size=n)
    D = 0.7 * C + rng.normal(size=n)
    E = 0.5 * A + 0.6 * D + 0.25 * B + rng.normal(size=n)
    data = {"A": A, "B": B, "C": C, "D": D, "E": E}
    with open(f"{here}/dag_numeric.csv", "w") as f:
        f.write("A,B,C,D,E\n")
        for i in range(n):
            f.write(",".join(repr(float(data[k][i])) for k in "ABCDE") + "\n")
    imps = [("A", "B", []), ("A", "D", ["C"]), ("B", "D", ["C"]), ("B", "E", ["A", "D"]), ("C", "E", ["A", "D"])]
    out = []
    for x, y, z in imps:
        Z = np.column_stack([np.ones(n)] + [data[v] for v in z])
        rx = data[x] - Z @ np.linalg.lstsq(Z, data[x], rcond=None)[0]
        ry = data[y] - Z @ np.linalg.lstsq(Z, data[y], rcond=None)[0]
        r = float(np.corrcoef(rx, ry)[0, 1])
        zstat = float(np.arctanh(r) * np.sqrt(n - len(z) - 3))
        p = float(2 * stats.norm.sf(abs(zstat)))
        out.append({"x": x, "y": y, "given": z, "r": r, "z": zstat, "p": p})
    with open(f"{here}/dag_numeric_fixture.json", "w") as f:
        json.dump({"source": "make_dag_fixtures.py numeric(): numpy residual partial correlation, scipy.stats.norm",
                   "dag": "dag { A -> C; B -> C; C -> D; A -> E; D -> E }", "n": n, "implications": out}, f, indent=1)


def discrete():
    rng = np.random.default_rng(11)
    n = 800
    lv = np.array(["lo", "mid", "hi"])
    Z = rng.integers(0, 3, size=n)
    X = (Z + (rng.random(n) < 0.4) * rng.integers(0, 3, size=n)) % 3
    M = np.where(rng.random(n) < 0.55, X, rng.integers(0, 3, size=n))
    M = np.where(rng.random(n) < 0.25, Z, M)
    Y = np.where(rng.random(n) < 0.5, (M + Z) % 2, rng.integers(0, 2, size=n))
    data = {"Z": lv[Z], "X": lv[X], "M": lv[M], "Y": np.where(Y == 1, "yes", "no")}
    with open(f"{here}/dag_discrete.csv", "w") as f:
        f.write("Z,X,M,Y\n")
        for i in range(n):
            f.write(",".join(data[k][i] for k in "ZXMY") + "\n")
    imps = [("M", "Z", ["X"]), ("X", "Y", ["M", "Z"])]
    out = []
    for x, y, z in imps:
        chi = g = 0.0
        dof = 0
        keys = sorted(set(zip(*[data[v] for v in z]))) if z else [()]
        for key in keys:
            mask = np.ones(n, bool)
            for v, k in zip(z, key):
                mask &= data[v] == k
            xs, ys = data[x][mask], data[y][mask]
            xl, yl = sorted(set(xs)), sorted(set(ys))
            if len(xl) < 2 or len(yl) < 2:
                continue
            t = np.array([[np.sum((xs == a) & (ys == b)) for b in yl] for a in xl])
            c1 = stats.chi2_contingency(t, correction=False)
            c2 = stats.chi2_contingency(t, correction=False, lambda_="log-likelihood")
            chi += c1[0]
            g += c2[0]
            dof += c1[2]
        out.append({"x": x, "y": y, "given": z, "df": dof,
                    "chi_squared": chi, "p_chi_squared": float(stats.chi2.sf(chi, dof)),
                    "g": g, "p_g": float(stats.chi2.sf(g, dof))})
    with open(f"{here}/dag_discrete_fixture.json", "w") as f:
        json.dump({"source": "make_dag_fixtures.py discrete(): scipy.stats.chi2_contingency summed over strata",
                   "dag": "dag { Z -> X -> M -> Y; Z -> Y }", "n": n, "implications": out}, f, indent=1)


numeric()
discrete()
