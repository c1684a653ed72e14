package org.ceteris.observational;

/** Solves a small symmetric positive definite system (lower triangle given) by Cholesky; O(p³). */
final class Cholesky {

    private static final double RELATIVE_PIVOT = 1e-13;

    private Cholesky() {
    }

    /** The solution of A x = b, or null when A is not numerically positive definite. */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] l = new double[p][p];
        double maxDiag = 0;
        for (int j = 0; j < p; j++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[j][j]));
        }
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > RELATIVE_PIVOT * maxDiag) || !(d > 0)) {
                return null;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The first column that is (numerically) a linear combination of the ones before it, or -1. */
    static int firstDependent(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 1e-10 * Math.abs(a[j][j]))) {
                return j;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return -1;
    }

    /** The inverse of a small SPD matrix (lower triangle given), or null when it is singular. */
    static double[][] inverse(double[][] a) {
        int p = a.length;
        double[][] inv = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            double[] col = solve(a, e);
            if (col == null) {
                return null;
            }
            for (int i = 0; i < p; i++) {
                inv[i][j] = col[i];
            }
        }
        return inv;
    }
}
