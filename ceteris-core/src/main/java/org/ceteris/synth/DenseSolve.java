package org.ceteris.synth;

/** Small dense linear algebra for the synthetic-control solvers: dot products in order, O(n³) Cholesky. */
final class DenseSolve {

    private DenseSolve() {
    }

    /** Σ_i x[xo + i]·y[yo + i] for i &lt; len, summed in order. */
    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += x[xo + i] * y[yo + i];
        }
        return s;
    }

    /** init − Σ_i x[xo + i]·y[yo + i] for i &lt; len, subtracted in order. */
    static double minusDot(double init, double[] x, int xo, double[] y, int yo, int len) {
        double s = init;
        for (int i = 0; i < len; i++) {
            s -= x[xo + i] * y[yo + i];
        }
        return s;
    }

    /** Solves the symmetric positive-definite system S x = y by Cholesky; null when not positive definite. */
    static double[] cholesky(double[][] s, double[] y) {
        double[][] l = factor(s);
        return l == null ? null : solve(l, y);
    }

    /** The Cholesky factor L of S (S = L Lᵀ, lower triangle); null when S is not positive definite. */
    static double[][] factor(double[][] s) {
        int n = s.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = minusDot(s[i][j], l[i], 0, l[j], 0, j);
                if (i == j) {
                    if (sum <= 0) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves L Lᵀ x = y for a factor from {@link #factor}. */
    static double[] solve(double[][] l, double[] y) {
        int n = y.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = minusDot(y[i], l[i], 0, z, 0, i) / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
