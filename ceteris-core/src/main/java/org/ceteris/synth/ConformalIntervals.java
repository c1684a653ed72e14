package org.ceteris.synth;

/**
 * Per-period conformal intervals for the effect (Chernozhukov, Wüthrich &amp; Zhu 2021, JASA, §2–3):
 * for a post period t and a hypothesised effect θ, the treated outcome at t is replaced by
 * {@code Y₁ₜ − θ}, synthetic-control weights are fitted on the outcome paths of the pre-period plus
 * period t, and θ is kept when the residual at t is not among the {@code α} share of largest
 * absolute residuals: {@code p(θ) = #{s : |ûₛ| ≥ |ûₜ|} / (T₀ + 1) > α}. The interval is the range of
 * kept θ, found on a grid and refined by bisection. Valid under exchangeable residuals over time.
 * Cost: O(post periods × (grid + refinement) × inner QP on T₀ + 1 outcome values).
 */
final class ConformalIntervals {

    private static final int GRID = 120;

    private ConformalIntervals() {
    }

    /** {low, high} per post period, in time order. */
    static double[][] compute(double[][] y, int treated, int[] donors, int t0, double alpha) {
        int times = y[0].length;
        double[][] out = new double[times - t0][];
        for (int t = t0; t < times; t++) {
            out[t - t0] = interval(y, treated, donors, t0, t, alpha);
        }
        return out;
    }

    private static double[] interval(double[][] y, int treated, int[] donors, int t0, int t, double alpha) {
        int n = donors.length;
        double[][] z0 = new double[t0 + 1][n];
        double[] z1 = new double[t0 + 1];
        for (int s = 0; s <= t0; s++) {
            int time = s < t0 ? s : t;
            z1[s] = y[treated][time];
            for (int j = 0; j < n; j++) {
                z0[s][j] = y[donors[j]][time];
            }
        }
        // centre: the effect estimated from a pre-period-only fit; scale: residual size and outcome spread
        double[][] pre = java.util.Arrays.copyOf(z0, t0);
        double[] w = SimplexLeastSquares.solve(pre, java.util.Arrays.copyOf(z1, t0), null);
        double synth = 0;
        for (int j = 0; j < n; j++) {
            synth += w[j] * z0[t0][j];
        }
        double centre = z1[t0] - synth;
        double spread = 0;
        for (int s = 0; s < t0; s++) {
            double r = z1[s];
            for (int j = 0; j < n; j++) {
                r -= w[j] * z0[s][j];
            }
            spread = Math.max(spread, Math.abs(r));
        }
        double half = 4 * spread + 0.5 * Math.abs(centre) + 1e-9 * (1 + Math.abs(z1[t0]));
        double lo = Double.NaN;
        double hi = Double.NaN;
        double yt = z1[t0];
        for (int i = 0; i <= GRID; i++) {
            double theta = centre - half + 2 * half * i / GRID;
            if (kept(z0, z1, yt - theta, alpha)) {
                lo = Double.isNaN(lo) ? theta : lo;
                hi = theta;
            }
        }
        if (Double.isNaN(lo)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double step = 2 * half / GRID;
        lo = refine(z0, z1, yt, alpha, lo, lo - step);
        hi = refine(z0, z1, yt, alpha, hi, hi + step);
        return new double[] {lo, hi};
    }

    /** Bisection between a kept θ and a rejected one. */
    private static double refine(double[][] z0, double[] z1, double yt, double alpha, double in, double out) {
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (in + out);
            if (kept(z0, z1, yt - mid, alpha)) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return in;
    }

    private static boolean kept(double[][] z0, double[] z1, double adjusted, double alpha) {
        int last = z1.length - 1;
        double[] z = z1.clone();
        z[last] = adjusted;
        double[] w = SimplexLeastSquares.solve(z0, z, null);
        double[] u = new double[z.length];
        for (int s = 0; s < z.length; s++) {
            double r = z[s];
            for (int j = 0; j < w.length; j++) {
                r -= w[j] * z0[s][j];
            }
            u[s] = Math.abs(r);
        }
        int atLeast = 0;
        for (double x : u) {
            if (x >= u[last] - 1e-12 * (1 + u[last])) {
                atLeast++;
            }
        }
        return (double) atLeast / z.length > alpha;
    }
}
