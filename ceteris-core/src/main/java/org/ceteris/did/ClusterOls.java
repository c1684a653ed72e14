package org.ceteris.did;

import org.ceteris.CeterisException;

/**
 * Ordinary least squares with cluster-robust (CR1) standard errors, the variance statsmodels
 * reports for {@code OLS(...).fit(cov_type='cluster')}:
 * V = (XᵀX)⁻¹ (Σ_g X_gᵀu_g u_gᵀX_g) (XᵀX)⁻¹ · G/(G−1) · (N−1)/(N−K)
 * (Cameron &amp; Miller 2015, J. Human Resources, eq. 11 with the small-sample factor of their §VI.C).
 *
 * <p>Fixed effects that were partialled out before the call (unit demeaning, nested in the
 * clusters) are counted in K through {@code absorbed}, so the result equals the regression with
 * explicit dummies. Cost O(N·K²) for the QR and O(N·K) for the meat.
 */
final class ClusterOls {

    /** Coefficients and their CR1 covariance. */
    record Fit(double[] coef, double[][] vcov, int n, int clusters, int k) {
        double se(int j) {
            return Math.sqrt(vcov[j][j]);
        }
    }

    private ClusterOls() {
    }

    /**
     * @param x        N×K design (include a column of ones for an intercept)
     * @param y        outcome, length N
     * @param cluster  cluster index of each row, 0 … G−1
     * @param absorbed parameters already partialled out of x and y (added to K)
     */
    static Fit fit(double[][] x, double[] y, int[] cluster, int absorbed) {
        int n = x.length;
        int p = x[0].length;
        double[] b = Linalg.leastSquares(x, y);
        if (b == null) {
            throw new CeterisException("the regression is not identified (collinear terms): check that both treated and "
                    + "untreated units are observed before and after the change");
        }
        double[][] bread = Linalg.inverse(Linalg.crossprod(x, null));
        int groups = 0;
        for (int c : cluster) {
            groups = Math.max(groups, c + 1);
        }
        double[][] score = new double[groups][p];
        for (int i = 0; i < n; i++) {
            double u = y[i];
            for (int j = 0; j < p; j++) {
                u -= x[i][j] * b[j];
            }
            double[] s = score[cluster[i]];
            for (int j = 0; j < p; j++) {
                s[j] += x[i][j] * u;
            }
        }
        double[][] meat = Linalg.crossprod(score, null);
        int k = p + absorbed;
        double factor = (double) groups / (groups - 1) * (n - 1.0) / (n - k);
        double[][] v = Linalg.multiply(Linalg.multiply(bread, meat), bread);
        for (double[] row : v) {
            for (int j = 0; j < p; j++) {
                row[j] *= factor;
            }
        }
        return new Fit(b, v, n, groups, k);
    }
}
