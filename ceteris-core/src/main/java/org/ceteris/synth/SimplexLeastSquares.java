package org.ceteris.synth;

/**
 * The inner problem of synthetic control: {@code min_w Σ_i v_i (b_i − Σ_j A_ij w_j)²} over the
 * simplex {@code w ≥ 0, Σ w = 1} (Abadie, Diamond &amp; Hainmueller 2010, eq. 2 for a fixed diagonal V).
 *
 * <p>A primal active-set method in the style of Lawson &amp; Hanson's NNLS (1974, ch. 23) with the
 * sum-to-one constraint carried by a Lagrange multiplier: donors outside the passive set are exactly
 * zero, so non-negativity is exact, and the passive-set subproblem is an equality-constrained least
 * squares solved from its KKT system. It terminates when every excluded donor's gradient is at least
 * the common gradient of the included ones (the KKT conditions) to a relative tolerance of 1e-12.
 * Cost per iteration: O(k·J) for the gradient plus O(p³) for a passive set of p donors (p ≤ k + 1
 * at a vertex-like solution), with k predictors and J donors; usually fewer than 2k iterations.
 * Instances hold no state; the method is thread-safe.
 */
public final class SimplexLeastSquares {

    private static final double TOL = 1e-12;
    /** Gradient gap (relative to the largest squared entry) below which a left-out donor ties. */
    private static final double TIE = 1e-7;

    private SimplexLeastSquares() {
    }

    /**
     * Solves the problem.
     *
     * @param a k×J matrix, one column per donor ({@code a[i][j]})
     * @param b k-vector, the treated unit
     * @param v k non-negative weights of the rows (null means all ones)
     * @return the J weights, exactly non-negative and summing to 1
     */
    public static double[] solve(double[][] a, double[] b, double[] v) {
        return solve(a, b, v, null);
    }

    /**
     * Solves the problem from a warm start: a feasible point, typically the solution for a nearby v
     * (the outer search of {@link SyntheticControl} moves v a little at a time, and the active set
     * rarely changes, so the solve then takes one or two iterations instead of one per donor entering).
     * The KKT test at the end is the same as from a cold start.
     *
     * @param warm J weights on the simplex to start from; null starts at the best single donor
     */
    public static double[] solve(double[][] a, double[] b, double[] v, double[] warm) {
        int k = b.length;
        int n = a[0].length;
        // fold the row weights in: rows scaled by sqrt(v)
        double[] cols = new double[n * k];
        double[] rhs = new double[k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            double s = v == null ? 1 : Math.sqrt(v[i]);
            rhs[i] = s * b[i];
            scale = Math.max(scale, scaleRow(a[i], s, cols, i, k));
            scale = Math.max(scale, Math.abs(rhs[i]));
        }
        double sq = Math.max(scale * scale, Double.MIN_NORMAL);
        // from the warm start, then (when it fails or W may not be unique) from the best single donor;
        // one call of iterate for both, so that the JIT compiles the solver into solve once, not twice
        for (boolean cold = warm == null; ; cold = true) {
            double[] w = cold ? vertex(cols, rhs) : warm.clone();
            double[] g = new double[n];
            double[] solved = iterate(cols, rhs, sq, w, positive(w), g);
            if (cold || solved != null && unique(g, solved, sq)) {
                return solved;
            }
        }
    }

    /**
     * Whether w is the only solution, so that any start would have found it: true when every donor
     * left out has a gradient clearly above the common gradient of those in (strict complementarity;
     * the gradient is the same at every solution, so no other solution can use a left-out donor).
     * A tie means several solutions may exist (b inside the donors' hull, or a predictor weighted
     * nearly zero), and which one is found would depend on the start; the caller then starts cold,
     * so the answer stays a function of v alone. {@code g}: the gradient at w, as {@link #iterate} leaves it.
     */
    private static boolean unique(double[] g, double[] w, double scale) {
        int n = w.length;
        double mu = meanOver(g, positive(w));
        for (int j = 0; j < n; j++) {
            if (w[j] == 0 && g[j] - mu < TIE * scale) {
                return false;
            }
        }
        return true;
    }

    /** The best single donor (a vertex of the simplex), where a cold start begins. */
    private static double[] vertex(double[] cols, double[] b) {
        int k = b.length;
        int n = cols.length / k;
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double loss = squaredDistance(b, cols, j * k);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = j;
            }
        }
        double[] w = new double[n];
        w[best] = 1;
        return w;
    }

    /**
     * Lawson–Hanson iterations from a feasible w whose support is the passive set: move to the
     * constrained optimum on the passive set (dropping donors that reach zero), then let in the donor
     * whose gradient most violates the KKT conditions, until none does. Null when the starting passive
     * set is already degenerate (a warm start the caller then abandons). {@code g} receives the
     * gradient at the w returned (the last KKT test's), for {@link #unique}.
     */
    private static double[] iterate(double[] cols, double[] b, double scale, double[] w, boolean[] passive, double[] g) {
        int k = b.length;
        int n = cols.length / k;
        int maxIter = 10 * (n + k) + 100;
        int enter = -1;
        for (int iter = 0; iter < maxIter; iter++) {
            if (!descend(cols, b, w, passive)) {
                if (enter < 0) {
                    return null;
                }
                // degenerate set: undo the entry and stop
                passive[enter] = false;
                w[enter] = 0;
                return normalise(w);
            }
            gradient(cols, b, w, g);
            enter = mostViolating(g, passive, meanOver(g, passive), -TOL * scale);
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
        }
        return normalise(w);
    }

    /**
     * Moves w towards the equality-constrained least-squares solution on the passive set, dropping
     * donors that hit zero on the way, until that solution is feasible; false when the set is singular.
     */
    private static boolean descend(double[] cols, double[] b, double[] w, boolean[] passive) {
        int n = w.length;
        for (int inner = 0; inner <= n; inner++) {
            double[] z = equalityLs(cols, b, passive);
            if (z == null) {
                return false;
            }
            int blocker = blocker(w, z, passive);
            if (blocker < 0) {
                System.arraycopy(z, 0, w, 0, n);
                return true;
            }
            if (!stepTowards(w, z, passive, w[blocker] / (w[blocker] - z[blocker]), blocker)) {
                throw new IllegalStateException("active set emptied");
            }
        }
        return true;
    }

    private static double[] normalise(double[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] < 0) {
                w[j] = 0;
            }
            s += w[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= s;
        }
        return w;
    }

    private static void gradient(double[] cols, double[] b, double[] w, double[] g) {
        int k = b.length;
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = -b[i];
        }
        int n = w.length;
        for (int j = 0; j < n; j++) {
            if (w[j] != 0) {
                addScaled(cols, j * k, w[j], r);
            }
        }
        for (int j = 0; j < n; j++) {
            g[j] = DenseSolve.dot(cols, j * k, r, 0, k);
        }
    }

    /**
     * min ‖A_P z − b‖² s.t. Σ z = 1 on the passive set P. The constraint is eliminated by writing the
     * first passive donor q as {@code z_q = 1 − Σ_{r≠q} z_r}, which leaves an unconstrained least squares
     * in the others with columns {@code a_r − a_q} and target {@code b − a_q}, solved by Cholesky of its
     * normal equations: O(k·p² + p³) for p passive donors. Null when the passive columns are affinely
     * dependent (a pivot below 1e-14 of the largest diagonal).
     */
    private static double[] equalityLs(double[] cols, double[] b, boolean[] passive) {
        int k = b.length;
        int n = cols.length / k;
        int[] idx = new int[n];
        int p = support(passive, idx);
        int q = idx[0] * k;
        int m = p - 1;
        double[] d = new double[m * k];
        double[] c = new double[k];
        difference(b, 0, cols, q, c, 0, k);
        for (int r = 0; r < m; r++) {
            difference(cols, idx[r + 1] * k, cols, q, d, r * k, k);
        }
        // normal equations G y = h, G = DᵀD (lower triangle), factored in place into L (G = L Lᵀ)
        double[] g = new double[m * m];
        double[] y = new double[m];
        double maxDiag = 0;
        for (int r = 0; r < m; r++) {
            for (int s = 0; s <= r; s++) {
                g[r * m + s] = DenseSolve.dot(d, r * k, d, s * k, k);
            }
            y[r] = DenseSolve.dot(d, r * k, c, 0, k);
            maxDiag = Math.max(maxDiag, g[r * m + r]);
        }
        double tiny = 1e-14 * maxDiag;
        for (int r = 0; r < m; r++) {
            for (int s = 0; s <= r; s++) {
                double sum = DenseSolve.minusDot(g[r * m + s], g, r * m, g, s * m, s);
                if (r == s) {
                    if (!(sum > tiny)) {
                        return null;
                    }
                    g[r * m + r] = Math.sqrt(sum);
                } else {
                    g[r * m + s] = sum / g[s * m + s];
                }
            }
            // row r of L is final: the forward substitution's step r, L u = h
            y[r] = DenseSolve.minusDot(y[r], g, r * m, y, 0, r) / g[r * m + r];
        }
        for (int r = m - 1; r >= 0; r--) { // Lᵀ y = u
            double sum = y[r];
            for (int t = r + 1; t < m; t++) {
                sum -= g[t * m + r] * y[t];
            }
            y[r] = sum / g[r * m + r];
        }
        double[] z = new double[n];
        double rest = 1;
        for (int r = 0; r < m; r++) {
            z[idx[r + 1]] = y[r];
            rest -= y[r];
        }
        z[idx[0]] = rest;
        return z;
    }

    // The loops of the solver over donors or predictors, each in a method of its own: the JIT then
    // compiles every hot method once as a whole. A method that runs many loop iterations per call
    // is compiled first "on stack" at one loop, then again at the next, then as a whole; those
    // compilations cost a short run (Prop 99 with its placebos) more time than the solving itself.

    /** Writes s·row into column-major {@code cols} at predictor i; returns the largest |s·row_j|. */
    private static double scaleRow(double[] row, double s, double[] cols, int i, int k) {
        double max = 0;
        for (int j = 0; j < row.length; j++) {
            double x = s * row[j];
            cols[j * k + i] = x;
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static boolean[] positive(double[] w) {
        boolean[] p = new boolean[w.length];
        for (int j = 0; j < w.length; j++) {
            p[j] = w[j] > 0;
        }
        return p;
    }

    /** Writes the indices of the passive set into idx; returns how many. */
    private static int support(boolean[] passive, int[] idx) {
        int p = 0;
        for (int j = 0; j < passive.length; j++) {
            if (passive[j]) {
                idx[p++] = j;
            }
        }
        return p;
    }

    /** The mean of g over the passive set. */
    private static double meanOver(double[] g, boolean[] passive) {
        double mu = 0;
        int np = 0;
        for (int j = 0; j < g.length; j++) {
            if (passive[j]) {
                mu += g[j];
                np++;
            }
        }
        return mu / np;
    }

    /** The donor outside the passive set with the lowest g − mu below {@code below}; −1 when none. */
    private static int mostViolating(double[] g, boolean[] passive, double mu, double below) {
        int enter = -1;
        double most = below;
        for (int j = 0; j < g.length; j++) {
            if (!passive[j] && g[j] - mu < most) {
                most = g[j] - mu;
                enter = j;
            }
        }
        return enter;
    }

    /** The passive donor that reaches zero first on the way from w to z; −1 when z is feasible. */
    private static int blocker(double[] w, double[] z, boolean[] passive) {
        double alpha = 1;
        int blocker = -1;
        for (int j = 0; j < w.length; j++) {
            if (passive[j] && z[j] <= 0) {
                double step = w[j] / (w[j] - z[j]);
                if (step < alpha) {
                    alpha = step;
                    blocker = j;
                }
            }
        }
        return blocker;
    }

    /**
     * Moves w by alpha towards z on the passive set; the blocker and donors that reach zero leave the
     * set. False when the set is left empty.
     */
    private static boolean stepTowards(double[] w, double[] z, boolean[] passive, double alpha, int blocker) {
        boolean any = false;
        for (int j = 0; j < w.length; j++) {
            if (passive[j]) {
                w[j] += alpha * (z[j] - w[j]);
                if (j == blocker || w[j] <= 1e-15) {
                    w[j] = 0;
                    passive[j] = false;
                }
            }
            any |= passive[j];
        }
        return any;
    }

    /** Σ_i (b_i − cols_{o+i})² over the k predictors. */
    private static double squaredDistance(double[] b, double[] cols, int o) {
        double loss = 0;
        for (int i = 0; i < b.length; i++) {
            double r = b[i] - cols[o + i];
            loss += r * r;
        }
        return loss;
    }

    /** out[oo + i] = x[xo + i] − y[yo + i] for i &lt; len. */
    private static void difference(double[] x, int xo, double[] y, int yo, double[] out, int oo, int len) {
        for (int i = 0; i < len; i++) {
            out[oo + i] = x[xo + i] - y[yo + i];
        }
    }

    /** r_i += cols_{o+i}·t over the k predictors. */
    private static void addScaled(double[] cols, int o, double t, double[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] += cols[o + i] * t;
        }
    }

    /** The objective Σ v_i (b_i − (A w)_i)² at w. */
    public static double loss(double[][] a, double[] b, double[] v, double[] w) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            double r = b[i];
            for (int j = 0; j < w.length; j++) {
                r -= a[i][j] * w[j];
            }
            s += (v == null ? 1 : v[i]) * r * r;
        }
        return s;
    }
}
