package org.ceteris.synth;

/**
 * Ridge-augmented synthetic control (Ben-Michael, Feller &amp; Rothstein 2021, JASA, eq. 6 and §4):
 * the synthetic-control estimate is corrected by a ridge regression of outcomes on the pre-period
 * outcomes across donors, {@code Ŷ₁ₜ = Σ wⱼYⱼₜ + (X₁ − X₀ᵀw)ᵀβ̂ₜ}, which is a weighting estimator with
 * {@code γ = w + X₀c (X₀cᵀX₀c + λI)⁻¹ (X₁ − X₀ᵀw)}, X₀c the donors' fit-window outcomes centred by their
 * donor mean. γ sums to 1 and may be negative (extrapolation). λ is chosen from a grid of
 * multiples of the largest eigenvalue of X₀cᵀX₀c by holding out the last fit periods in turn.
 * Cost: O(grid × H × (T³ + J·T²)) for T fit periods, J donors and H ≤ 5 held-out periods.
 */
final class AugmentedRidge {

    private AugmentedRidge() {
    }

    /** The augmented weights γ over donors, given the synthetic-control weights w. */
    static double[] weights(double[][] y, int treated, int[] donors, int[] fit, double[] w) {
        int tLen = fit.length;
        double lambda = chooseLambda(y, treated, donors, fit, w);
        return gamma(y, treated, donors, fit, tLen, w, lambda);
    }

    /** γ using the first {@code tLen} fit periods as regressors. */
    private static double[] gamma(double[][] y, int treated, int[] donors, int[] fit, int tLen, double[] w, double lambda) {
        int n = donors.length;
        double[][] m = centred(y, donors, fit, tLen);
        double[] diff = new double[tLen];
        for (int t = 0; t < tLen; t++) {
            double s = y[treated][fit[t]];
            for (int j = 0; j < n; j++) {
                s -= w[j] * y[donors[j]][fit[t]];
            }
            diff[t] = s;
        }
        double[][] a = new double[tLen][tLen];
        for (int r = 0; r < tLen; r++) {
            for (int c = 0; c < tLen; c++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += m[j][r] * m[j][c];
                }
                a[r][c] = s + (r == c ? lambda : 0);
            }
        }
        double[] sol = DenseSolve.cholesky(a, diff);
        double[] g = w.clone();
        if (sol == null) {
            return g;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int t = 0; t < tLen; t++) {
                s += m[j][t] * sol[t];
            }
            g[j] += s;
        }
        return g;
    }

    private static double[][] centred(double[][] y, int[] donors, int[] fit, int tLen) {
        int n = donors.length;
        double[][] m = new double[n][tLen];
        for (int t = 0; t < tLen; t++) {
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += y[donors[j]][fit[t]];
            }
            mean /= n;
            for (int j = 0; j < n; j++) {
                m[j][t] = y[donors[j]][fit[t]] - mean;
            }
        }
        return m;
    }

    /** Held-out prediction error of the treated unit over the last H fit periods, for each λ in the grid. */
    private static double chooseLambda(double[][] y, int treated, int[] donors, int[] fit, double[] w) {
        int tLen = fit.length;
        double top = largestEigen(centred(y, donors, fit, tLen));
        if (!(top > 0)) {
            return 1;
        }
        int holdout = Math.min(5, tLen / 3);
        double best = top;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int e = -6; e <= 2; e++) {
            double lambda = top * Math.pow(10, e);
            if (holdout < 1) {
                return top * 1e-2;
            }
            double err = 0;
            for (int h = 1; h <= holdout; h++) {
                int len = tLen - h;
                double[] g = gamma(y, treated, donors, fit, len, w, lambda);
                double pred = 0;
                for (int j = 0; j < donors.length; j++) {
                    pred += g[j] * y[donors[j]][fit[len]];
                }
                double r = y[treated][fit[len]] - pred;
                err += r * r;
            }
            if (err < bestErr * (1 - 1e-12)) {
                bestErr = err;
                best = lambda;
            }
        }
        return best;
    }

    /** Largest eigenvalue of MᵀM by power iteration (50 steps). */
    private static double largestEigen(double[][] m) {
        int tLen = m[0].length;
        double[] x = new double[tLen];
        java.util.Arrays.fill(x, 1 / Math.sqrt(tLen));
        double value = 0;
        for (int it = 0; it < 50; it++) {
            double[] mx = new double[m.length];
            for (int j = 0; j < m.length; j++) {
                for (int t = 0; t < tLen; t++) {
                    mx[j] += m[j][t] * x[t];
                }
            }
            double[] next = new double[tLen];
            for (int j = 0; j < m.length; j++) {
                for (int t = 0; t < tLen; t++) {
                    next[t] += m[j][t] * mx[j];
                }
            }
            double norm = 0;
            for (double v : next) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            value = norm;
            for (int t = 0; t < tLen; t++) {
                x[t] = next[t] / norm;
            }
        }
        return value;
    }
}
