package org.ceteris.observational;

/**
 * Ordinary least squares by Householder QR on column-major data (intercept added), with columns
 * that are linear combinations of earlier ones left out (coefficient 0), as R's {@code lm} drops
 * aliased terms. Optionally the HC2 standard error of one coefficient (MacKinnon &amp; White 1985),
 * with leverages h_i = ‖R⁻ᵀx_i‖². Cost O(n·p²).
 */
final class LeastSquares {

    private final int p;
    private final double[][] r;      // upper triangle, r[j][k] for k >= j
    private final boolean[] aliased;
    private final double[] coef;

    private LeastSquares(int p, double[][] r, boolean[] aliased, double[] coef) {
        this.p = p;
        this.r = r;
        this.aliased = aliased;
        this.coef = coef;
    }

    /** Fits y on [1, columns] over the rows where {@code use} is true (all rows when null). */
    static LeastSquares fit(double[][] columns, double[] y, boolean[] use) {
        int n = y.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += use == null || use[i] ? 1 : 0;
        }
        int p = columns.length + 1;
        double[][] a = new double[p][m];
        double[] b = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (use == null || use[i]) {
                a[0][k] = 1;
                for (int j = 1; j < p; j++) {
                    a[j][k] = columns[j - 1][i];
                }
                b[k++] = y[i];
            }
        }
        double[] diag = new double[p];
        boolean[] aliased = new boolean[p];
        int row = 0; // next pivot row
        int[] pivotRow = new int[p];
        for (int j = 0; j < p; j++) {
            double[] col = a[j];
            double orig = 0;
            for (int i = 0; i < m; i++) {
                orig += col[i] * col[i];
            }
            double norm = 0;
            for (int i = row; i < m; i++) {
                norm += col[i] * col[i];
            }
            norm = Math.sqrt(norm);
            if (row >= m || norm <= 1e-9 * Math.sqrt(orig) || norm == 0) {
                aliased[j] = true;
                continue;
            }
            double alpha = col[row] > 0 ? -norm : norm;
            double v0 = col[row] - alpha;
            // v = (v0, col[row+1..m)); H = I - 2 v v'/(v'v)
            double vv = v0 * v0 + norm * norm - col[row] * col[row];
            for (int c = j + 1; c < p; c++) {
                reflect(a[c], col, row, m, v0, vv);
            }
            reflect(b, col, row, m, v0, vv);
            diag[j] = alpha;
            pivotRow[j] = row;
            row++;
        }
        // R: diagonal from the reflections, above it the transformed columns at each pivot's row
        double[] coef = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            if (aliased[j]) {
                continue;
            }
            double s = b[pivotRow[j]];
            for (int c = j + 1; c < p; c++) {
                if (!aliased[c]) {
                    s -= a[c][pivotRow[j]] * coef[c];
                }
            }
            coef[j] = s / diag[j];
        }
        double[][] rr = new double[p][p];
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                continue;
            }
            rr[j][j] = diag[j];
            for (int c = j + 1; c < p; c++) {
                rr[j][c] = aliased[c] ? 0 : a[c][pivotRow[j]];
            }
        }
        return new LeastSquares(p, rr, aliased, coef);
    }

    private static void reflect(double[] target, double[] v, int row, int m, double v0, double vv) {
        double dot = v0 * target[row];
        for (int i = row + 1; i < m; i++) {
            dot += v[i] * target[i];
        }
        double f = 2 * dot / vv;
        target[row] -= f * v0;
        for (int i = row + 1; i < m; i++) {
            target[i] -= f * v[i];
        }
    }

    double[] coefficients() {
        return coef.clone();
    }

    /** Fitted value at row i of {@code columns}. */
    double predict(double[][] columns, int i) {
        double s = coef[0];
        for (int j = 1; j < p; j++) {
            s += coef[j] * columns[j - 1][i];
        }
        return s;
    }

    /** HC2 standard error of coefficient {@code target} (1 + column index), over all rows. */
    double hc2(double[][] columns, double[] y, int target) {
        int n = y.length;
        double[] d = new double[p];
        double[] u = new double[p];
        double[] a = new double[p];
        double v = 0;
        for (int i = 0; i < n; i++) {
            d[0] = 1;
            for (int j = 1; j < p; j++) {
                d[j] = columns[j - 1][i];
            }
            double e = y[i];
            for (int j = 0; j < p; j++) {
                e -= coef[j] * d[j];
            }
            // u = R^-T d (forward), h = |u|^2, a = R^-1 u (backward)
            double h = 0;
            for (int j = 0; j < p; j++) {
                if (aliased[j]) {
                    u[j] = 0;
                    continue;
                }
                double s = d[j];
                for (int c = 0; c < j; c++) {
                    s -= r[c][j] * u[c];
                }
                u[j] = s / r[j][j];
                h += u[j] * u[j];
            }
            for (int j = p - 1; j >= 0; j--) {
                if (aliased[j]) {
                    a[j] = 0;
                    continue;
                }
                double s = u[j];
                for (int c = j + 1; c < p; c++) {
                    s -= r[j][c] * a[c];
                }
                a[j] = s / r[j][j];
            }
            v += a[target] * a[target] * e * e / (1 - h);
        }
        return Math.sqrt(v);
    }
}
