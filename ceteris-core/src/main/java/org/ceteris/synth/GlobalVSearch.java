package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outer problem of synthetic control, searched globally and deterministically, after Becker &amp;
 * Klößner (2018, "Fast and reliable computation of generalized synthetic controls", Econometrics and
 * Statistics 5, §3): V minimises the fit-window outcome loss {@code L(V) = ‖z₁ − Z₀W*(V)‖²/T} of the
 * inner solution W*(V) ({@link SimplexLeastSquares}), with the predictors already scaled.
 *
 * <ol>
 * <li><b>Lower bound.</b> No V can do better than {@code W_out}, the simplex weights that fit the outcome
 * path directly; when a start reaches that bound the search stops, the optimum proved.</li>
 * <li><b>Treated unit inside the donors' hull.</b> When some W matches every predictor exactly, every
 * V &gt; 0 has the same inner solutions (all exact matches), and W*(V) is not unique: the answer is the
 * exact match with the least outcome loss (Becker &amp; Klößner's "feasible" special case), not whichever
 * match a solver happened to reach.</li>
 * <li><b>Otherwise</b> Nelder–Mead ({@link NelderMead}) from deterministic starts — equal weights, the
 * regression-based V of R Synth, the V under which {@code W_out} fits the predictors best, and each
 * predictor dominant — then compass search ({@link CompassSearch}, stopped by its step-size convergence
 * test) from the three best, and a final Nelder–Mead polish of the best point.</li>
 * </ol>
 *
 * The caller puts predictors and donors in a canonical order first ({@link SyntheticControl}), so the
 * path of the search cannot depend on how the problem was presented. Cost: O(evaluations × (k·J·
 * iterations + T·k)) for k predictors, J donors, T fit periods; a few thousand inner solves per fit.
 */
final class GlobalVSearch {

    /** The largest ratio of two predictor weights: V is searched where v_i ≥ v_max / MAX_RATIO. */
    static final double MAX_RATIO = 1e6;
    private static final double HALF_LOG_RATIO = Math.log(MAX_RATIO) / 2;
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47};
    private static final int HALTON_STARTS = 6;
    private static final int NM_EVALS_PER_START = 80;
    private static final int COMPASS_STARTS = 2;
    private static final int COMPASS_MAX_EVALS = 600;
    private static final int POLISH_EVALS = 200;
    /** Relative distance to the best loss within which a start counts as having reached it. */
    static final double SAME_LOSS = 1e-4;

    private GlobalVSearch() {
    }

    /** V, W and the outcome loss, with what the search did. */
    record Result(double[] v, double[] w, double loss, SyntheticControl.Search search) {
    }

    static Result run(double[] s1, double[][] s0, double[] z1, double[][] z0) {
        int k = s1.length;
        double[] wOut = SimplexLeastSquares.solve(z0, z1, null);
        double bound = SyntheticControl.loss(z1, z0, wOut);
        Result hull = insideHull(s1, s0, z1, z0);
        if (hull != null) {
            return hull;
        }
        Objective obj = new Objective(s1, s0, z1, z0);
        double[] certified = LowerBoundCertificate.vFor(s1, s0, wOut, MAX_RATIO);
        if (certified != null) {
            return new Result(certified, wOut, bound, new SyntheticControl.Search(0, 0, true, 1, "lower_bound"));
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(equal(k));
        double[] reg = SyntheticControl.regressionStart(s1, s0, z1, z0);
        if (reg != null) {
            starts.add(reg);
        }
        starts.add(outcomeFitStart(s1, s0, wOut));
        for (int i = 0; i < k; i++) {
            double[] v = new double[k];
            Arrays.fill(v, 0.2 / (k - 1));
            v[i] = 0.8;
            starts.add(v);
        }
        for (int h = 1; h <= HALTON_STARTS; h++) {
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                v[i] = Math.exp(HALF_LOG_RATIO * (2 * halton(h, PRIMES[i % PRIMES.length]) - 1));
            }
            starts.add(v);
        }
        double reach = bound + 1e-9 * Math.abs(bound) + 1e-300;
        List<NelderMead.Minimum> found = new ArrayList<>();
        for (double[] v : starts) {
            NelderMead.Minimum m = NelderMead.minimize(obj::value, logs(v), 1.5, NM_EVALS_PER_START, 1e-10);
            found.add(m);
            if (m.value() <= reach) {
                return finish(obj, m.x(), m.value(), found.size(), 1, true, "lower_bound");
            }
        }
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(found.get(a).value(), found.get(b).value()));
        double[] values = new double[found.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = found.get(i).value();
        }
        double[] best = found.get(order[0]).x();
        double bestValue = found.get(order[0]).value();
        boolean converged = false;
        for (int r = 0; r < Math.min(COMPASS_STARTS, order.length); r++) {
            NelderMead.Minimum m = found.get(order[r]);
            CompassSearch.Minimum c = CompassSearch.minimize(obj::value, m.x(), m.value(), 1.0, 1e-4, COMPASS_MAX_EVALS);
            values[order[r]] = c.value();
            if (c.value() < bestValue || c.value() == bestValue && r == 0) {
                best = c.x();
                bestValue = c.value();
                converged = c.converged();
            }
            if (c.value() <= reach) {
                break;
            }
        }
        NelderMead.Minimum polish = NelderMead.minimize(obj::value, best, 0.1, POLISH_EVALS, 1e-13);
        if (polish.value() < bestValue) {
            best = polish.x();
            bestValue = polish.value();
        }
        int atBest = 0;
        for (double v : values) {
            if (v <= bestValue * (1 + SAME_LOSS) + 1e-300) {
                atBest++;
            }
        }
        return finish(obj, best, bestValue, found.size(), Math.max(1, atBest), converged,
                bestValue <= reach ? "lower_bound" : "multistart");
    }

    private static Result finish(Objective obj, double[] theta, double value, int starts, int atBest, boolean converged, String strategy) {
        double[] v = toV(theta);
        double[] w = SimplexLeastSquares.solve(obj.s0, obj.s1, v);
        double loss = SyntheticControl.loss(obj.z1, obj.z0, w);
        return new Result(v, w, loss, new SyntheticControl.Search(starts, obj.evaluations, converged, atBest, strategy));
    }

    /**
     * The treated unit inside the donors' hull: when the predictors can be matched exactly (a residual
     * below 1e-20 of their size), the exact match with the least outcome loss, found by the inner solver
     * with the predictor rows weighted 10⁶ times the outcome rows; null otherwise.
     */
    static Result insideHull(double[] s1, double[][] s0, double[] z1, double[][] z0) {
        int k = s1.length;
        int t = z1.length;
        double[] w0 = SimplexLeastSquares.solve(s0, s1, null);
        double size = 0;
        for (double x : s1) {
            size += x * x;
        }
        for (double[] row : s0) {
            for (double x : row) {
                size = Math.max(size, x * x);
            }
        }
        if (SimplexLeastSquares.loss(s0, s1, null, w0) > 1e-20 * size) {
            return null;
        }
        double[][] a = new double[k + t][];
        double[] b = new double[k + t];
        double[] rowWeight = new double[k + t];
        double zSize = 0;
        for (int r = 0; r < t; r++) {
            a[k + r] = z0[r];
            b[k + r] = z1[r];
            for (double x : z0[r]) {
                zSize = Math.max(zSize, x * x);
            }
        }
        for (int i = 0; i < k; i++) {
            a[i] = s0[i];
            b[i] = s1[i];
            rowWeight[i] = 1e6 * Math.max(zSize, 1e-300) / Math.max(size, 1e-300);
        }
        Arrays.fill(rowWeight, k, k + t, 1);
        double[] w = SimplexLeastSquares.solve(a, b, rowWeight);
        return new Result(equal(k), w, SyntheticControl.loss(z1, z0, w), new SyntheticControl.Search(0, 2, true, 1, "inside_hull"));
    }

    /**
     * The V under which W_out, the outcome-path fit, matches the predictors best: each predictor weighted
     * by the inverse of its squared gap under W_out (capped so that an exact match does not take all).
     */
    static double[] outcomeFitStart(double[] s1, double[][] s0, double[] wOut) {
        int k = s1.length;
        double[] v = new double[k];
        double[] gap = new double[k];
        double max = 0;
        for (int i = 0; i < k; i++) {
            double g = s1[i] - DenseSolve.dot(s0[i], 0, wOut, 0, wOut.length);
            gap[i] = g * g;
            max = Math.max(max, gap[i]);
        }
        for (int i = 0; i < k; i++) {
            v[i] = 1 / Math.max(gap[i], 1e-6 * max + 1e-300);
        }
        return normalise(v);
    }

    /** The outer objective as a function of u (V ∝ exp(u) in the box); counts its calls. */
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
            evaluations++;
            last = SimplexLeastSquares.solve(s0, s1, v, last);
            return SyntheticControl.loss(z1, z0, last);
        }
    }

    /**
     * V from its logarithms, each clamped to ±½·ln(MAX_RATIO): V is searched in the box where no weight is
     * below 1/MAX_RATIO of another. Without the bound the optimum of many panels lies at the edge of
     * the simplex of V, where the predictors that get a weight of 10⁻¹³ are ignored in all but name
     * (Prop 99: loss 2.75 against 3.08 for ADH's Table 2, with V spanning 13 orders of magnitude).
     */
    static double[] toV(double[] u) {
        double[] v = new double[u.length];
        double max = Double.NEGATIVE_INFINITY;
        for (double x : u) {
            max = Math.max(max, clamp(x));
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(clamp(u[i]) - max);
            s += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
        return v;
    }

    private static double clamp(double x) {
        return Math.max(-HALF_LOG_RATIO, Math.min(HALF_LOG_RATIO, x));
    }

    /** The logarithms of V, centred and clamped to the box. */
    static double[] logs(double[] v) {
        int k = v.length;
        double[] u = new double[k];
        double mean = 0;
        for (int i = 0; i < k; i++) {
            u[i] = Math.log(Math.max(v[i], Double.MIN_NORMAL));
            mean += u[i] / k;
        }
        for (int i = 0; i < k; i++) {
            u[i] = clamp(u[i] - mean);
        }
        return u;
    }

    /** The radical inverse of i in base b: the i-th point of a Halton sequence. */
    private static double halton(int i, int b) {
        double f = 1;
        double r = 0;
        for (int n = i; n > 0; n /= b) {
            f /= b;
            r += f * (n % b);
        }
        return r;
    }

    static double[] equal(int k) {
        double[] v = new double[k];
        Arrays.fill(v, 1.0 / k);
        return v;
    }

    static double[] normalise(double[] v) {
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
