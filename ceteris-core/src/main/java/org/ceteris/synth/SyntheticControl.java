package org.ceteris.synth;

/**
 * The nested optimisation of synthetic control (Abadie &amp; Gardeazabal 2003; Abadie, Diamond &amp;
 * Hainmueller 2010, §2.3): for a diagonal predictor weighting V the donor weights are
 * {@code W*(V) = argmin (X₁ − X₀W)ᵀV(X₁ − X₀W)} over the simplex ({@link SimplexLeastSquares}); V is
 * chosen to minimise the pre-period outcome loss {@code ‖Z₁ − Z₀W*(V)‖² / T} over the fit window.
 *
 * <p>Predictors are scaled by their standard deviation across the treated unit and the donors, as
 * R Synth does, so that multiplying a predictor by a constant changes nothing. Predictors and donors
 * are then put in a canonical order that depends only on their values (donors by their fit-window
 * outcome path, predictors by their scaled values), so that the order in which they were given and
 * the names of the units cannot change the path of the search; the answer is mapped back. V is found
 * by {@link GlobalVSearch}. Cost: a sort of the J donors and k predictors, plus the search.
 */
public final class SyntheticControl {

    private SyntheticControl() {
    }

    /**
     * What the V search did.
     *
     * @param starts       deterministic starting points searched from
     * @param evaluations  inner solves (values of the outer objective)
     * @param converged    whether the search that produced the answer stopped by its convergence test
     *                     (or reached the proved lower bound) rather than by its evaluation budget
     * @param startsAtBest searches that ended within 0.01% of the best loss
     * @param strategy     "lower_bound" (the outcome-path fit was reached: optimal), "inside_hull" (the
     *                     predictors can be matched exactly: the best exact match), "multistart",
     *                     "regression" or "fixed" (V not searched)
     */
    public record Search(int starts, int evaluations, boolean converged, int startsAtBest, String strategy) {
    }

    /**
     * The fitted weights: V (sums to 1), W (on the simplex), the fit-window outcome loss (MSPE), the
     * predictor loss {@code Σ v_i (x₁ᵢ − X₀ᵢW)² / sd_i²} on the scaled predictors, and the search.
     */
    public record Fit(double[] v, double[] w, double loss, double predictorLoss, Search search) {
        public Fit(double[] v, double[] w, double loss) {
            this(v, w, loss, Double.NaN, new Search(0, 0, true, 1, "fixed"));
        }
    }

    /**
     * Fits V and W.
     *
     * @param x1 k predictor values of the treated unit
     * @param x0 k×J predictor values of the donors
     * @param z1 T fit-window outcomes of the treated unit
     * @param z0 T×J fit-window outcomes of the donors
     */
    public static Fit fit(double[] x1, double[][] x0, double[] z1, double[][] z0) {
        int k = x1.length;
        int n = x0[0].length;
        double[][] s0 = new double[k][n];
        double[] s1 = new double[k];
        scale(x1, x0, s1, s0);
        if (n == 1) {
            double[] w = {1};
            double[] v = GlobalVSearch.equal(k);
            return new Fit(v, w, loss(z1, z0, w), SimplexLeastSquares.loss(s0, s1, v, w), new Search(0, 0, true, 1, "fixed"));
        }
        CanonicalOrder order = CanonicalOrder.of(s1, s0, z0);
        double[] c1 = order.predictors(s1);
        double[][] c0 = order.matrix(s0);
        double[][] cz = order.outcomes(z0);
        GlobalVSearch.Result r = k == 1 ? single(c1, c0, z1, cz) : GlobalVSearch.run(c1, c0, z1, cz);
        double[] v = order.predictorsBack(r.v());
        double[] w = order.donorsBack(r.w());
        return new Fit(v, w, loss(z1, z0, w), SimplexLeastSquares.loss(s0, s1, v, w), r.search());
    }

    /** One predictor: V is 1; W is the inner solution, or the best exact match when there are several. */
    private static GlobalVSearch.Result single(double[] s1, double[][] s0, double[] z1, double[][] z0) {
        double[] v = {1};
        double[] w = SimplexLeastSquares.solve(s0, s1, null);
        GlobalVSearch.Result hull = GlobalVSearch.insideHull(s1, s0, z1, z0);
        return hull != null ? new GlobalVSearch.Result(v, hull.w(), hull.loss(), hull.search())
                : new GlobalVSearch.Result(v, w, loss(z1, z0, w), new Search(0, 1, true, 1, "fixed"));
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
        Fit f = fitWithV(x1, x0, z1, z0, v);
        return new Fit(f.v(), f.w(), f.loss(), f.predictorLoss(), new Search(0, 1, true, 1, "regression"));
    }

    /** W for a given V (V is not optimised), e.g. V taken from a training period. */
    public static Fit fitWithV(double[] x1, double[][] x0, double[] z1, double[][] z0, double[] v) {
        int k = x1.length;
        double[][] s0 = new double[k][x0[0].length];
        double[] s1 = new double[k];
        scale(x1, x0, s1, s0);
        double[] vn = normalise(v.clone());
        double[] w = SimplexLeastSquares.solve(s0, s1, vn);
        return new Fit(vn, w, loss(z1, z0, w), SimplexLeastSquares.loss(s0, s1, vn, w), new Search(0, 1, true, 1, "fixed"));
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
