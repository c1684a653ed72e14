package org.ceteris.did;

import org.ceteris.did.DidSpec.DidEstimator;

/**
 * The 2×2 ATT on panel data with covariates and its influence function (Sant'Anna &amp; Zhao 2020,
 * J. Econometrics 219(1)): outcome regression (Heckman, Ichimura &amp; Todd 1997; their eq. 2.2),
 * standardized inverse probability weighting (Abadie 2005; eq. 2.4) and the doubly-robust
 * estimator (eq. 3.1), with the influence functions of their Appendix (as {@code DRDID}'s
 * {@code reg_did_panel}, {@code std_ipw_did_panel} and {@code drdid_panel}: unit weights 1,
 * propensity capped at 1 − 1e-6, controls with a propensity of 0.995 or more trimmed).
 * Cost O(n·k²) for n units and k covariates (with the intercept).
 */
final class PanelDrDid {

    private static final double TRIM = 0.995;

    /** The ATT and its influence function (one value per unit, mean zero). */
    record Att(double att, double[] influence) {
    }

    /** Why a cell could not be estimated. */
    static final class NotIdentified extends RuntimeException {
        NotIdentified(String why) {
            super(why, null, false, false);
        }
    }

    private PanelDrDid() {
    }

    /**
     * @param dy change in the outcome between the two periods, per unit
     * @param d  1 for the treated group, 0 for comparison units
     * @param x  covariates per unit with a leading column of ones
     */
    static Att estimate(DidEstimator estimator, double[] dy, double[] d, double[][] x) {
        switch (estimator) {
            case REG:
                return regression(dy, d, x);
            case IPW:
                return ipw(dy, d, x);
            default:
                return doublyRobust(dy, d, x);
        }
    }

    /**
     * A linear representation ψ_i = n·e_i·x_iᵀA of an estimated nuisance parameter (OLS or logit):
     * only its products with a vector m are needed, ψ_i·m = n·e_i·x_iᵀ(A·m), so the n×k matrix is
     * never formed.
     */
    private record Linear(double[] e, double[][] a, double[][] x) {
        double[] times(double[] m) {
            int k = m.length;
            int n = e.length;
            double[] am = new double[k];
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    am[j] += a[j][l] * m[l];
                }
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                if (e[i] != 0) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += x[i][j] * am[j];
                    }
                    out[i] = n * e[i] * s;
                }
            }
            return out;
        }
    }

    /** OLS of dy on x among comparison units: fitted values into {@code out}, and the OLS influence. */
    private static Linear olsLinearRep(double[] dy, double[] d, double[][] x, double[] out) {
        int n = dy.length;
        int k = x[0].length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 - d[i];
        }
        double[][] inv = Linalg.inverse(Linalg.crossprod(x, w));
        if (inv == null) {
            throw new NotIdentified("the covariates are collinear among comparison units");
        }
        double[] xy = new double[k];
        for (int i = 0; i < n; i++) {
            if (w[i] != 0) {
                for (int j = 0; j < k; j++) {
                    xy[j] += x[i][j] * dy[i];
                }
            }
        }
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            for (int m = 0; m < k; m++) {
                beta[j] += inv[j][m] * xy[m];
            }
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double fit = 0;
            for (int j = 0; j < k; j++) {
                fit += x[i][j] * beta[j];
            }
            out[i] = fit;
            e[i] = w[i] * (dy[i] - fit);
        }
        return new Linear(e, inv, x);
    }

    /** Logit propensity score: capped fitted scores into {@code ps}, and the score's influence. */
    private static Linear psLinearRep(double[] d, double[][] x, double[] ps) {
        int n = d.length;
        Logit.Fit fit = Logit.fit(x, d);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            ps[i] = Math.min(fit.p()[i], 1 - 1e-6);
            w[i] = ps[i] * (1 - ps[i]);
        }
        double[][] inv = fit.inverseInformation() == null ? null : Linalg.inverse(Linalg.crossprod(x, w));
        if (inv == null) {
            throw new NotIdentified("the propensity score cannot be estimated (no overlap or collinear covariates)");
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = d[i] - ps[i];
        }
        return new Linear(e, inv, x);
    }

    static Att regression(double[] dy, double[] d, double[][] x) {
        int n = dy.length;
        int k = x[0].length;
        double[] out = new double[n];
        Linear ols = olsLinearRep(dy, d, x, out);
        double sumD = 0;
        double treatSum = 0;
        double contSum = 0;
        double[] m1 = new double[k];
        for (int i = 0; i < n; i++) {
            sumD += d[i];
            treatSum += d[i] * dy[i];
            contSum += d[i] * out[i];
            for (int j = 0; j < k; j++) {
                m1[j] += d[i] * x[i][j] / n;
            }
        }
        double meanW = sumD / n;
        double etaT = treatSum / sumD;
        double etaC = contSum / sumD;
        double[] inf = new double[n];
        double[] c2s = ols.times(m1);
        for (int i = 0; i < n; i++) {
            double infT = (d[i] * dy[i] - d[i] * etaT) / meanW;
            double c2 = c2s[i];
            double infC = (d[i] * out[i] - d[i] * etaC + c2) / meanW;
            inf[i] = infT - infC;
        }
        return new Att(etaT - etaC, inf);
    }

    static Att ipw(double[] dy, double[] d, double[][] x) {
        int n = dy.length;
        int k = x[0].length;
        double[] ps = new double[n];
        Linear psRep = psLinearRep(d, x, ps);
        double[] wT = new double[n];
        double[] wC = new double[n];
        double sWT = 0;
        double sWC = 0;
        double sT = 0;
        double sC = 0;
        for (int i = 0; i < n; i++) {
            double trim = d[i] == 1 ? 1 : (ps[i] < TRIM ? 1 : 0);
            wT[i] = trim * d[i];
            wC[i] = trim * ps[i] * (1 - d[i]) / (1 - ps[i]);
            sWT += wT[i];
            sWC += wC[i];
            sT += wT[i] * dy[i];
            sC += wC[i] * dy[i];
        }
        double etaT = sT / sWT;
        double etaC = sC / sWC;
        double[] m2 = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                m2[j] += wC[i] * (dy[i] - etaC) * x[i][j] / n;
            }
        }
        double meanWT = sWT / n;
        double meanWC = sWC / n;
        double[] inf = new double[n];
        double[] c2 = psRep.times(m2);
        for (int i = 0; i < n; i++) {
            double infT = (wT[i] * dy[i] - wT[i] * etaT) / meanWT;
            double infC = (wC[i] * dy[i] - wC[i] * etaC + c2[i]) / meanWC;
            inf[i] = infT - infC;
        }
        return new Att(etaT - etaC, inf);
    }

    static Att doublyRobust(double[] dy, double[] d, double[][] x) {
        int n = dy.length;
        int k = x[0].length;
        double[] ps = new double[n];
        Linear psRep = psLinearRep(d, x, ps);
        double[] out = new double[n];
        Linear olsRep = olsLinearRep(dy, d, x, out);
        double[] wT = new double[n];
        double[] wC = new double[n];
        double sWT = 0;
        double sWC = 0;
        double sT = 0;
        double sC = 0;
        for (int i = 0; i < n; i++) {
            double trim = d[i] == 1 ? 1 : (ps[i] < TRIM ? 1 : 0);
            wT[i] = trim * d[i];
            wC[i] = trim * ps[i] * (1 - d[i]) / (1 - ps[i]);
            double r = dy[i] - out[i];
            sWT += wT[i];
            sWC += wC[i];
            sT += wT[i] * r;
            sC += wC[i] * r;
        }
        double etaT = sT / sWT;
        double etaC = sC / sWC;
        double[] m1 = new double[k];
        double[] m2 = new double[k];
        double[] m3 = new double[k];
        for (int i = 0; i < n; i++) {
            double r = dy[i] - out[i];
            for (int j = 0; j < k; j++) {
                m1[j] += wT[i] * x[i][j] / n;
                m2[j] += wC[i] * (r - etaC) * x[i][j] / n;
                m3[j] += wC[i] * x[i][j] / n;
            }
        }
        double meanWT = sWT / n;
        double meanWC = sWC / n;
        double[] inf = new double[n];
        double[] t2 = olsRep.times(m1);
        double[] c2 = psRep.times(m2);
        double[] c3 = olsRep.times(m3);
        for (int i = 0; i < n; i++) {
            double r = dy[i] - out[i];
            double infT = (wT[i] * r - wT[i] * etaT - t2[i]) / meanWT;
            double infC = (wC[i] * r - wC[i] * etaC + c2[i] - c3[i]) / meanWC;
            inf[i] = infT - infC;
        }
        return new Att(etaT - etaC, inf);
    }
}
