package org.ceteris.did;

/**
 * Logistic regression by Newton–Raphson (iteratively reweighted least squares), the propensity
 * score of the IPW and doubly-robust DiD estimators. Stops when the largest coefficient step is
 * below 1e-12 relative (R's glm stops at a deviance change of 1e-8, which agrees to far better
 * than the tolerances we test). Cost O(n·p²) per iteration, usually under 10 iterations.
 */
final class Logit {

    private static final int MAX_ITERATIONS = 100;

    /** Fitted probabilities and the inverse information (XᵀWX)⁻¹ at the solution. */
    record Fit(double[] p, double[][] inverseInformation, boolean converged) {
    }

    private Logit() {
    }

    static Fit fit(double[][] x, double[] d) {
        int n = x.length;
        int k = x[0].length;
        double[] beta = new double[k];
        double[] p = new double[n];
        double[] w = new double[n];
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS && !converged; it++) {
            double[] grad = new double[k];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += x[i][j] * beta[j];
                }
                p[i] = 1.0 / (1.0 + Math.exp(-eta));
                w[i] = p[i] * (1 - p[i]);
                for (int j = 0; j < k; j++) {
                    grad[j] += (d[i] - p[i]) * x[i][j];
                }
            }
            double[][] inv = Linalg.inverse(Linalg.crossprod(x, w));
            if (inv == null) {
                return new Fit(p, null, false);
            }
            double maxStep = 0;
            for (int j = 0; j < k; j++) {
                double step = 0;
                for (int m = 0; m < k; m++) {
                    step += inv[j][m] * grad[m];
                }
                beta[j] += step;
                maxStep = Math.max(maxStep, Math.abs(step) / Math.max(1.0, Math.abs(beta[j])));
            }
            converged = maxStep < 1e-12;
        }
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < k; j++) {
                eta += x[i][j] * beta[j];
            }
            p[i] = 1.0 / (1.0 + Math.exp(-eta));
            w[i] = p[i] * (1 - p[i]);
        }
        return new Fit(p, Linalg.inverse(Linalg.crossprod(x, w)), converged);
    }
}
