package org.ceteris.synth;

/** Small dense linear algebra for the synthetic-control solvers: O(n³) Gaussian elimination. */
final class DenseSolve {

    private DenseSolve() {
    }

    /**
     * Solves the augmented system {@code m = [M | r]} (n rows, n + 1 columns; overwritten) by
     * Gaussian elimination with partial pivoting; null when M is numerically singular.
     */
    static double[] gaussian(double[][] m) {
        int n = m.length;
        double norm = 0;
        for (double[] row : m) {
            for (int c = 0; c < n; c++) {
                norm = Math.max(norm, Math.abs(row[c]));
            }
        }
        double tiny = Math.max(norm, Double.MIN_NORMAL) * 1e-14;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (Math.abs(m[piv][col]) <= tiny) {
                return null;
            }
            double[] t = m[piv];
            m[piv] = m[col];
            m[col] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0) {
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** Solves the symmetric positive-definite system S x = y by Cholesky; null when not positive definite. */
    static double[] cholesky(double[][] s, double[] y) {
        int n = y.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = s[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
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
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = y[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
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
