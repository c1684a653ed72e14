package org.ceteris.did;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The few dense linear-algebra steps the DiD estimators need, on Hipparchus: least squares by
 * Householder QR, inverses of small symmetric matrices, and rank checks. Cost O(n·p²) for an
 * n×p design.
 */
final class Linalg {

    /** Relative pivot threshold below which a column is taken as collinear. */
    static final double RANK_TOLERANCE = 1e-10;

    private Linalg() {
    }

    /** The least-squares solution of x·b ≈ y, or null when x does not have full column rank. */
    static double[] leastSquares(double[][] x, double[] y) {
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(x, false), RANK_TOLERANCE).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        return solver.solve(new ArrayRealVector(y, false)).toArray();
    }

    /** The inverse of a small square matrix, or null when it is singular. */
    static double[][] inverse(double[][] a) {
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(a, true), RANK_TOLERANCE).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        return solver.getInverse().getData();
    }

    /** Σ_i w_i x_i x_iᵀ (w null means all ones). */
    static double[][] crossprod(double[][] x, double[] w) {
        int p = x[0].length;
        double[][] out = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (wi == 0) {
                continue;
            }
            double[] xi = x[i];
            for (int a = 0; a < p; a++) {
                double v = wi * xi[a];
                for (int b = a; b < p; b++) {
                    out[a][b] += v * xi[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                out[a][b] = out[b][a];
            }
        }
        return out;
    }

    /** a·b for small dense matrices. */
    static double[][] multiply(double[][] a, double[][] b) {
        RealMatrix m = new Array2DRowRealMatrix(a, false).multiply(new Array2DRowRealMatrix(b, false));
        return m.getData();
    }

    /** xᵀ·a·x for a vector x. */
    static double quadraticForm(double[] x, double[][] a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = 0;
            for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
            }
            s += x[i] * r;
        }
        return s;
    }
}
