package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The nested optimisation of synthetic control (Abadie &amp; Gardeazabal 2003; Abadie, Diamond &amp;
 * Hainmueller 2010, §2.3): for a diagonal predictor weighting V the donor weights are
 * {@code W*(V) = argmin (X₁ − X₀W)ᵀV(X₁ − X₀W)} over the simplex ({@link SimplexLeastSquares}); V is
 * chosen to minimise the pre-period outcome loss {@code ‖Z₁ − Z₀W*(V)‖² / T} over the fit window.
 *
 * <p>Predictors are scaled by their standard deviation across the treated unit and the donors, as
 * R Synth does. V is parametrised as {@code v = θ² / Σθ²} and searched by Nelder–Mead from several
 * starts: equal weights, the regression start of R Synth (diag(BBᵀ) with B the coefficients of the
 * pre-period outcomes regressed on the scaled predictors across units), each predictor dominant, and
 * seeded random Dirichlet points; the best few are restarted until they stop improving, and the best
 * is kept. Each inner solve starts from the previous evaluation's W (a feasible point; the active set
 * rarely changes between nearby V), falling back to a cold start whenever W may not be unique, so the
 * objective stays a function of V alone. Cost: O(starts × evaluations × (k·J·iterations + T·k)) for k
 * predictors, J donors and T fit periods; about 4·10³ inner solves per fit.
 */
public final class SyntheticControl {

    private static final int EVALS_PER_START = 200;
    private static final int EVALS_PER_REFINE = 400;
    private static final int RANDOM_STARTS = 3;

    private SyntheticControl() {
    }

    /** The fitted weights: V (sums to 1), W (on the simplex) and the pre-period outcome loss. */
    public record Fit(double[] v, double[] w, double loss) {
    }

    /**
     * Fits V and W.
     *
     * @param x1   k predictor values of the treated unit
     * @param x0   k×J predictor values of the donors
     * @param z1   T fit-window outcomes of the treated unit
     * @param z0   T×J fit-window outcomes of the donors
     * @param seed for the random starts
     */
    public static Fit fit(double[] x1, double[][] x0, double[] z1, double[][] z0, long seed) {
        int k = x1.length;
        int n = x0[0].length;
        double[][] s0 = new double[k][n];
        double[] s1 = new double[k];
        scale(x1, x0, s1, s0);
        if (n == 1) {
            return new Fit(equal(k), new double[] {1}, loss(z1, z0, new double[] {1}));
        }
        if (k == 1) {
            double[] w = SimplexLeastSquares.solve(s0, s1, null);
            return new Fit(new double[] {1}, w, loss(z1, z0, w));
        }
        Objective obj = new Objective(s1, s0, z1, z0);
        List<double[]> starts = new ArrayList<>();
        starts.add(equal(k));
        double[] reg = regressionStart(s1, s0, z1, z0);
        if (reg != null) {
            starts.add(reg);
        }
        for (int i = 0; i < k && k <= 10; i++) {
            double[] v = new double[k];
            java.util.Arrays.fill(v, 0.2 / (k - 1));
            v[i] = 0.8;
            starts.add(v);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < RANDOM_STARTS; r++) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = -Math.log(1 - rng.nextDouble());
            }
            starts.add(v);
        }
        List<NelderMead.Minimum> found = new ArrayList<>();
        for (double[] v : starts) {
            found.add(NelderMead.minimize(obj::value, theta(v), 0.25, EVALS_PER_START, 1e-10));
        }
        found.sort(Comparator.comparingDouble(NelderMead.Minimum::value));
        NelderMead.Minimum best = found.get(0);
        for (int i = 0; i < Math.min(2, found.size()); i++) {
            NelderMead.Minimum m = found.get(i);
            for (int round = 0; round < 2; round++) {
                NelderMead.Minimum again = NelderMead.minimize(obj::value, m.x(), 0.1, EVALS_PER_REFINE, 1e-12);
                boolean improved = again.value() < m.value() - 1e-12 * Math.abs(m.value());
                if (again.value() <= m.value()) {
                    m = again;
                }
                if (!improved) {
                    break;
                }
            }
            if (m.value() < best.value()) {
                best = m;
            }
        }
        double[] v = toV(best.x());
        double[] w = SimplexLeastSquares.solve(s0, s1, v);
        return new Fit(v, w, loss(z1, z0, w));
    }

    /** W for R Synth's (and Stata synth's default) regression-based V, without the nested search. */
    public static Fit fitRegressionV(double[] x1, double[][] x0, double[] z1, double[][] z0) {
        int k = x1.length;
        double[][] s0 = new double[k][x0[0].length];
        double[] s1 = new double[k];
        scale(x1, x0, s1, s0);
        double[] v = regressionStart(s1, s0, z1, z0);
        if (v == null) {
            double[] eq = new double[k];
            java.util.Arrays.fill(eq, 1.0 / k);
            v = eq;
        }
        return fitWithV(x1, x0, z1, z0, v);
    }

    /** W for a given V (V is not optimised), e.g. V taken from a training period. */
    public static Fit fitWithV(double[] x1, double[][] x0, double[] z1, double[][] z0, double[] v) {
        int k = x1.length;
        double[][] s0 = new double[k][x0[0].length];
        double[] s1 = new double[k];
        scale(x1, x0, s1, s0);
        double[] vn = normalise(v.clone());
        double[] w = SimplexLeastSquares.solve(s0, s1, vn);
        return new Fit(vn, w, loss(z1, z0, w));
    }

    /** Mean squared gap of the treated unit against the synthetic one over the rows of z. */
    public static double loss(double[] z1, double[][] z0, double[] w) {
        int nnz = 0;
        int[] support = new int[w.length];
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                support[nnz++] = j;
            }
        }
        double s = 0;
        for (int t = 0; t < z1.length; t++) {
            double g = z1[t];
            double[] row = z0[t];
            for (int q = 0; q < nnz; q++) {
                g -= row[support[q]] * w[support[q]];
            }
            s += g * g;
        }
        return s / z1.length;
    }

    /** Divides each predictor by its standard deviation across the treated unit and the donors. */
    static void scale(double[] x1, double[][] x0, double[] s1, double[][] s0) {
        int n = x0[0].length;
        for (int i = 0; i < x1.length; i++) {
            double mean = x1[i];
            for (int j = 0; j < n; j++) {
                mean += x0[i][j];
            }
            mean /= n + 1;
            double ss = (x1[i] - mean) * (x1[i] - mean);
            for (int j = 0; j < n; j++) {
                ss += (x0[i][j] - mean) * (x0[i][j] - mean);
            }
            double sd = Math.sqrt(ss / n);
            double d = sd > 0 ? sd : 1;
            s1[i] = x1[i] / d;
            for (int j = 0; j < n; j++) {
                s0[i][j] = x0[i][j] / d;
            }
        }
    }

    /**
     * R Synth's start: regress each fit-period outcome on an intercept and the scaled predictors across
     * all units; V ∝ the diagonal of BBᵀ with B the k×T slope matrix. Null when the regression is singular.
     */
    static double[] regressionStart(double[] s1, double[][] s0, double[] z1, double[][] z0) {
        int k = s1.length;
        int n = s0[0].length + 1;
        int p = k + 1;
        if (n <= p) {
            return null;
        }
        double[][] x = new double[p][n]; // by column: the intercept, then each predictor over units
        java.util.Arrays.fill(x[0], 1);
        for (int i = 0; i < k; i++) {
            System.arraycopy(s0[i], 0, x[i + 1], 0, n - 1);
            x[i + 1][n - 1] = s1[i];
        }
        double[][] xtx = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                xtx[a][b] = DenseSolve.dot(x[a], 0, x[b], 0, n);
            }
        }
        double[][] l = DenseSolve.factor(xtx); // the same XᵀX for every period: factored once
        if (l == null) {
            return null;
        }
        double[] diag = new double[k];
        double[] zt = new double[n];
        double[] xty = new double[p];
        for (int t = 0; t < z1.length; t++) {
            System.arraycopy(z0[t], 0, zt, 0, n - 1);
            zt[n - 1] = z1[t];
            for (int a = 0; a < p; a++) {
                xty[a] = DenseSolve.dot(x[a], 0, zt, 0, n);
            }
            double[] beta = DenseSolve.solve(l, xty);
            for (int i = 0; i < k; i++) {
                diag[i] += beta[i + 1] * beta[i + 1];
            }
        }
        double sum = 0;
        for (double d : diag) {
            sum += d;
        }
        return sum > 0 && Double.isFinite(sum) ? normalise(diag) : null;
    }

    /** The outer objective as a function of θ. */
    private static final class Objective {
        private final double[] s1;
        private final double[][] s0;
        private final double[] z1;
        private final double[][] z0;
        private double[] last;
        int evaluations;

        Objective(double[] s1, double[][] s0, double[] z1, double[][] z0) {
            this.s1 = s1;
            this.s0 = s0;
            this.z1 = z1;
            this.z0 = z0;
        }

        double value(double[] theta) {
            double[] v = toV(theta);
            if (v == null) {
                return Double.POSITIVE_INFINITY;
            }
            last = SimplexLeastSquares.solve(s0, s1, v, last);
            evaluations++;
            return loss(z1, z0, last);
        }
    }

    static double[] toV(double[] theta) {
        double[] v = new double[theta.length];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = theta[i] * theta[i];
            s += v[i];
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
        return v;
    }

    private static double[] theta(double[] v) {
        double[] t = new double[v.length];
        double s = 0;
        for (double x : v) {
            s += x;
        }
        for (int i = 0; i < v.length; i++) {
            t[i] = Math.sqrt(v[i] / s);
        }
        return t;
    }

    private static double[] equal(int k) {
        double[] v = new double[k];
        java.util.Arrays.fill(v, 1.0 / k);
        return v;
    }

    private static double[] normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
        return v;
    }
}
