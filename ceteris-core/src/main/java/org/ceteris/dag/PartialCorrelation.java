package org.ceteris.dag;

import org.ceteris.stats.Distributions;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Fisher's z test of a partial correlation (Fisher 1924): r = −P₀₁ / √(P₀₀ P₁₁) with P the inverse
 * of the correlation matrix of (x, y, Z); z = atanh(r) · √(n − |Z| − 3), two-sided normal p-value.
 * O(|Z|³).
 */
final class PartialCorrelation {

    /** r, z, degrees of freedom (n − |Z| − 3) and p; NaN when the matrix is singular or n too small. */
    record Test(double r, double z, double df, double p) {
    }

    private PartialCorrelation() {
    }

    static double estimate(double[][] corr, int x, int y, int[] given) {
        if (given.length == 0) {
            return corr[x][y];
        }
        int k = given.length + 2;
        int[] idx = new int[k];
        idx[0] = x;
        idx[1] = y;
        System.arraycopy(given, 0, idx, 2, given.length);
        double[][] sub = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                sub[i][j] = corr[idx[i]][idx[j]];
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(sub);
        LUDecomposition lu = new LUDecomposition(m, 1e-12);
        if (!lu.getSolver().isNonSingular()) {
            return Double.NaN;
        }
        RealMatrix p = lu.getSolver().getInverse();
        double d = p.getEntry(0, 0) * p.getEntry(1, 1);
        if (!(d > 0)) {
            return Double.NaN;
        }
        return -p.getEntry(0, 1) / Math.sqrt(d);
    }

    static Test test(double[][] corr, long n, int x, int y, int[] given) {
        double r = estimate(corr, x, y, given);
        double df = n - given.length - 3.0;
        if (Double.isNaN(r) || df <= 0 || Math.abs(r) > 1 + 1e-9) {
            return new Test(r, Double.NaN, df, Double.NaN);
        }
        double rc = Math.max(-1, Math.min(1, r));
        double z = 0.5 * Math.log((1 + rc) / (1 - rc)) * Math.sqrt(df);
        return new Test(r, z, df, Distributions.normalTwoSidedP(z));
    }
}
