package org.ceteris.stats;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Random-effects meta-regression: k estimates yᵢ with known sampling variances vᵢ, regressed on
 * moderators xᵢ (an intercept is added), yᵢ = xᵢβ + uᵢ + eᵢ with uᵢ ~ N(0, τ²), eᵢ ~ N(0, vᵢ).
 * <ul>
 * <li>τ² by the method of moments of DerSimonian &amp; Laird (1986) generalised to moderators
 * (Raudenbush 2009, eq. 16.43; metafor's {@code method="DL"}): Q_E = Σ wᵢ rᵢ² from the fixed-effect
 * fit with wᵢ = 1/vᵢ, τ² = max(0, (Q_E − (k − p)) / tr P), P = W − WX(XᵀWX)⁻¹XᵀW, p columns of X.</li>
 * <li>β by weighted least squares with wᵢ* = 1/(vᵢ + τ²).</li>
 * <li>Its covariance by Knapp &amp; Hartung (2003): s² (XᵀW*X)⁻¹ with s² = Σ wᵢ* rᵢ² / (k − p) and t
 * intervals on k − p degrees of freedom — exactly what statsmodels {@code WLS(y, X, weights=w*).fit()}
 * reports. With few estimates the normal-theory covariance (XᵀW*X)⁻¹ under-covers; Knapp–Hartung does
 * not lean on τ² being known.</li>
 * <li>The prediction of the true effect at new moderators x₀ (Higgins, Thompson &amp; Spiegelhalter 2009,
 * eq. 12, with moderators): x₀β ± t_{k−p} √(x₀ Cov x₀ᵀ + τ²_pred) — it includes the spread of true effects
 * that the moderators do not explain. Plugging in the point estimate τ² ignores its own large
 * uncertainty with few estimates and under-covers (seeded simulation, k = 8–20, τ² ≈ the typical vᵢ:
 * 81–85% for a nominal 90%; Partlett &amp; Riley 2017 report the same). τ²_pred is therefore the upper
 * end of the 50% Q-profile interval of τ² (Viechtbauer 2007): the τ² at which the generalised
 * Q(τ²) = Σ rᵢ²/(vᵢ + τ²) equals the 25th percentile of χ²_{k−p} (0 when Q(0) is already below it).
 * In the same simulation this covers 90–93%.</li>
 * </ul>
 * Solved by a QR decomposition of the whitened design (no normal equations). Cost O(k p²).
 */
public final class MetaRegression {

    /**
     * The fit.
     *
     * @param beta     intercept first, then one coefficient per moderator column
     * @param cov      Knapp–Hartung covariance of beta
     * @param tau2     DerSimonian–Laird between-estimate variance
     * @param tau2Pred the τ² of prediction intervals (upper end of its 50% Q-profile interval)
     * @param qE       the residual heterogeneity statistic of the fixed-effect fit
     * @param df       k − p, the residual degrees of freedom
     * @param scale    the Knapp–Hartung scale s²
     * @param modelCov (XᵀW*X)⁻¹, the covariance if the variances vᵢ + τ² were exact (cov = scale · modelCov)
     */
    public record Fit(double[] beta, double[][] cov, double tau2, double tau2Pred, double qE, int df, double scale, double[][] modelCov) {

        /**
         * The fit with the Knapp–Hartung scale floored at 1, cov = max(1, s²) · (XᵀW*X)⁻¹: the modified
         * Knapp–Hartung covariance (Knapp &amp; Hartung 2003; Röver, Knapp &amp; Friede 2015, BMC Med Res
         * Methodol 15:99). With few estimates that lie closer to the fitted line than their own variances
         * allow, s² falls far below 1 and the plain covariance claims more precision than the estimates
         * carry; estimates whose errors are positively correlated (synthetic controls built from shared
         * donors) do exactly that, since a common error moves the line, not the residuals.
         */
        public Fit withScaleAtLeastOne() {
            if (scale >= 1) {
                return this;
            }
            double[][] floored = new double[modelCov.length][];
            for (int a = 0; a < floored.length; a++) {
                floored[a] = modelCov[a].clone();
            }
            return new Fit(beta, floored, tau2, tau2Pred, qE, df, 1.0, modelCov);
        }

        /** Standard error of coefficient j. */
        public double se(int j) {
            return Math.sqrt(cov[j][j]);
        }

        /** Two-sided t p-value of coefficient j against 0. */
        public double pValue(int j) {
            double se = se(j);
            return se > 0 ? Distributions.tTwoSidedP(beta[j] / se, df) : Double.NaN;
        }

        /** The {@code 1 − alpha} interval of coefficient j. */
        public double[] interval(int j, double alpha) {
            double h = Distributions.tQuantile(1 - alpha / 2, df) * se(j);
            return new double[] {beta[j] - h, beta[j] + h};
        }

        /** The predicted mean effect at moderators x0 (without the intercept's 1). */
        public double predict(double[] x0) {
            double m = beta[0];
            for (int j = 0; j < x0.length; j++) {
                m += beta[j + 1] * x0[j];
            }
            return m;
        }

        /** Variance of the prediction of a new true effect at x0: x₀ Cov x₀ᵀ + τ²_pred. */
        public double predictionVariance(double[] x0) {
            double[] z = withIntercept(x0);
            double s = 0;
            for (int a = 0; a < z.length; a++) {
                for (int b = 0; b < z.length; b++) {
                    s += z[a] * cov[a][b] * z[b];
                }
            }
            return s + tau2Pred;
        }

        /** The {@code 1 − alpha} prediction interval of a new true effect at x0. */
        public double[] predictionInterval(double[] x0, double alpha) {
            double m = predict(x0);
            double h = Distributions.tQuantile(1 - alpha / 2, df) * Math.sqrt(predictionVariance(x0));
            return new double[] {m - h, m + h};
        }
    }

    private MetaRegression() {
    }

    /**
     * Fits the model. Needs k ≥ p + 1 estimates with p = moderators + 1 (at least one residual degree
     * of freedom), positive finite variances and a design of full column rank; otherwise null.
     *
     * @param y  k estimates
     * @param v  their sampling variances
     * @param x  x[i][j]: moderator j of estimate i (no intercept column)
     */
    public static Fit fit(double[] y, double[] v, double[][] x) {
        int k = y.length;
        int p = (k == 0 ? 0 : x[0].length) + 1;
        if (k < p + 1) {
            return null;
        }
        for (double vi : v) {
            if (!(vi > 0) || !Double.isFinite(vi)) {
                return null;
            }
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / v[i];
        }
        Wls fixed = wls(y, x, w);
        if (fixed == null) {
            return null;
        }
        // tr P = Σw − tr((XᵀWX)⁻¹ XᵀW²X) = Σw − Σᵢ wᵢ² zᵢ (XᵀWX)⁻¹ zᵢᵀ
        double trP = 0;
        for (int i = 0; i < k; i++) {
            double[] z = withIntercept(x[i]);
            trP += w[i] - w[i] * w[i] * quad(z, fixed.inverse);
        }
        double tau2 = Math.max(0, (fixed.rss - (k - p)) / trP);
        double[] ws = new double[k];
        for (int i = 0; i < k; i++) {
            ws[i] = 1 / (v[i] + tau2);
        }
        Wls random = wls(y, x, ws);
        if (random == null) {
            return null;
        }
        double scale = random.rss / (k - p);
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                cov[a][b] = scale * random.inverse[a][b];
            }
        }
        return new Fit(random.beta, cov, tau2, qProfileTau2(y, v, x, 0.25), fixed.rss, k - p, scale, random.inverse);
    }

    /**
     * The τ² at which the generalised Q statistic of the WLS fit with weights 1/(vᵢ + τ²) equals the
     * {@code q} quantile of χ²_{k−p} (Viechtbauer 2007); 0 when it is already below at τ² = 0. Q is
     * decreasing in τ², so the root is bracketed by doubling and found by bisection to machine precision.
     */
    static double qProfileTau2(double[] y, double[] v, double[][] x, double q) {
        int k = y.length;
        int p = x[0].length + 1;
        double target = new org.hipparchus.distribution.continuous.ChiSquaredDistribution(k - p).inverseCumulativeProbability(q);
        if (generalisedQ(y, v, x, 0) <= target) {
            return 0;
        }
        double vMax = 0;
        for (double vi : v) {
            vMax = Math.max(vMax, vi);
        }
        double lo = 0;
        double hi = vMax;
        while (generalisedQ(y, v, x, hi) > target) {
            lo = hi;
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (generalisedQ(y, v, x, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double generalisedQ(double[] y, double[] v, double[][] x, double tau2) {
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        return wls(y, x, w).rss;
    }

    /** β, (XᵀWX)⁻¹ and the weighted residual sum of squares Σ wᵢ rᵢ². */
    private record Wls(double[] beta, double[][] inverse, double rss) {
    }

    private static Wls wls(double[] y, double[][] x, double[] w) {
        int k = y.length;
        int p = x[0].length + 1;
        double[][] a = new double[k][];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            double s = Math.sqrt(w[i]);
            a[i] = withIntercept(x[i]);
            for (int j = 0; j < p; j++) {
                a[i][j] *= s;
            }
            b[i] = y[i] * s;
        }
        QRDecomposition qr = new QRDecomposition(MatrixUtils.createRealMatrix(a), 1e-12);
        if (!qr.getSolver().isNonSingular()) {
            return null;
        }
        double[] beta = qr.getSolver().solve(MatrixUtils.createRealVector(b)).toArray();
        RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        RealMatrix rInv = MatrixUtils.inverse(r);
        double[][] inverse = rInv.multiplyTransposed(rInv).getData();
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double[] z = withIntercept(x[i]);
            double fitted = 0;
            for (int j = 0; j < p; j++) {
                fitted += z[j] * beta[j];
            }
            double e = y[i] - fitted;
            rss += w[i] * e * e;
        }
        return new Wls(beta, inverse, rss);
    }

    private static double quad(double[] z, double[][] m) {
        double s = 0;
        for (int a = 0; a < z.length; a++) {
            for (int b = 0; b < z.length; b++) {
                s += z[a] * m[a][b] * z[b];
            }
        }
        return s;
    }

    static double[] withIntercept(double[] x) {
        double[] z = new double[x.length + 1];
        z[0] = 1;
        System.arraycopy(x, 0, z, 1, x.length);
        return z;
    }
}
