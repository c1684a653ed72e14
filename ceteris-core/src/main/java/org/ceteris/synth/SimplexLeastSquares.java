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
        int k = b.length;
        int n = a[0].length;
        // fold the row weights in: rows scaled by sqrt(v)
        double[] cols = new double[n * k];
        double[] rhs = new double[k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            double s = v == null ? 1 : Math.sqrt(v[i]);
            rhs[i] = s * b[i];
            for (int j = 0; j < n; j++) {
                double x = s * a[i][j];
                cols[j * k + i] = x;
                scale = Math.max(scale, Math.abs(x));
            }
            scale = Math.max(scale, Math.abs(rhs[i]));
        }
        return solveColumns(cols, rhs, Math.max(scale * scale, Double.MIN_NORMAL));
    }

    private static double[] solveColumns(double[] cols, double[] b, double scale) {
        int k = b.length;
        int n = cols.length / k;
        double[] w = new double[n];
        boolean[] passive = new boolean[n];
        // start at the best single donor (a vertex)
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double loss = 0;
            for (int i = 0; i < k; i++) {
                double r = b[i] - cols[j * k + i];
                loss += r * r;
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = j;
            }
        }
        w[best] = 1;
        passive[best] = true;
        return iterate(cols, b, scale, w, passive);
    }

    private static double[] iterate(double[] cols, double[] b, double scale, double[] w, boolean[] passive) {
        int k = b.length;
        int n = cols.length / k;
        double[] g = new double[n];
        int maxIter = 10 * (n + k) + 100;
        for (int iter = 0; iter < maxIter; iter++) {
            gradient(cols, b, w, g);
            double mu = 0;
            int np = 0;
            for (int j = 0; j < n; j++) {
                if (passive[j]) {
                    mu += g[j];
                    np++;
                }
            }
            mu /= np;
            int enter = -1;
            double most = -TOL * scale;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && g[j] - mu < most) {
                    most = g[j] - mu;
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            // inner loop: move towards the constrained LS solution on the passive set, dropping donors that hit zero
            for (int inner = 0; inner <= n; inner++) {
                double[] z = equalityLs(cols, b, passive);
                if (z == null) { // degenerate set: undo the entry and stop
                    passive[enter] = false;
                    w[enter] = 0;
                    return normalise(w);
                }
                double alpha = 1;
                int blocker = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0) {
                        double step = w[j] / (w[j] - z[j]);
                        if (step < alpha) {
                            alpha = step;
                            blocker = j;
                        }
                    }
                }
                if (blocker < 0) {
                    System.arraycopy(z, 0, w, 0, n);
                    break;
                }
                for (int j = 0; j < n; j++) {
                    if (passive[j]) {
                        w[j] += alpha * (z[j] - w[j]);
                        if (j == blocker || w[j] <= 1e-15) {
                            w[j] = 0;
                            passive[j] = false;
                        }
                    }
                }
                boolean any = false;
                for (boolean p : passive) {
                    any |= p;
                }
                if (!any) {
                    throw new IllegalStateException("active set emptied");
                }
            }
        }
        return normalise(w);
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
                for (int i = 0; i < k; i++) {
                    r[i] += cols[j * k + i] * w[j];
                }
            }
        }
        for (int j = 0, o = 0; j < n; j++, o += k) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += cols[o + i] * r[i];
            }
            g[j] = s;
        }
    }

    /** min ‖A_P z − b‖² s.t. Σ z = 1 on the passive set, from the KKT system; null when singular. */
    private static double[] equalityLs(double[] cols, double[] b, boolean[] passive) {
        int k = b.length;
        int n = cols.length / k;
        int[] idx = new int[n];
        int p = 0;
        for (int j = 0; j < n; j++) {
            if (passive[j]) {
                idx[p++] = j;
            }
        }
        double[][] m = new double[p + 1][p + 2];
        for (int r = 0; r < p; r++) {
            int cr = idx[r] * k;
            for (int c = r; c < p; c++) {
                int cc = idx[c] * k;
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += cols[cr + i] * cols[cc + i];
                }
                m[r][c] = s;
                m[c][r] = s;
            }
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += cols[cr + i] * b[i];
            }
            m[r][p] = 1;
            m[p][r] = 1;
            m[r][p + 1] = s;
        }
        m[p][p + 1] = 1;
        double[] sol = DenseSolve.gaussian(m);
        if (sol == null) {
            return null;
        }
        double[] z = new double[n];
        for (int r = 0; r < p; r++) {
            z[idx[r]] = sol[r];
        }
        return z;
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
