package org.ceteris.synth;

import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by compass (coordinate pattern) search (Kolda, Lewis &amp; Torczon 2003,
 * "Optimization by direct search", SIAM Review 45, Algorithm 3.2): poll x ± Δ·e_i in a fixed order,
 * move to the first point that improves by more than a sufficient decrease ρ(Δ) = 10⁻³·Δ²·|f(x)|, and halve Δ
 * after a poll that fails in every direction. Unlike a fixed evaluation budget, the stopping rule is a
 * convergence test: Δ below {@code minStep} after a failed poll bounds the norm of the gradient by
 * O(Δ) where the objective is smooth (Kolda et al., Theorem 3.3). Deterministic. Cost: at most 2d
 * objective calls per poll in d dimensions, and {@code maxEvaluations} in all.
 */
final class CompassSearch {

    /** The point reached, its value, the calls made, and whether the step test (not the budget) stopped it. */
    record Minimum(double[] x, double value, int evaluations, boolean converged) {
    }

    private CompassSearch() {
    }

    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double fStart, double step, double minStep,
            int maxEvaluations) {
        int d = start.length;
        double[] x = start.clone();
        double fx = fStart;
        double delta = step;
        int evals = 0;
        int dir = 0; // the next direction to poll: 2i is +e_i, 2i + 1 is −e_i
        int failed = 0; // directions polled without success since the last move
        double[] y = new double[d];
        while (delta >= minStep) {
            if (evals >= maxEvaluations) {
                return new Minimum(x, fx, evals, false);
            }
            int i = dir >> 1;
            System.arraycopy(x, 0, y, 0, d);
            y[i] += (dir & 1) == 0 ? delta : -delta;
            double fy = f.applyAsDouble(y);
            evals++;
            if (fy < fx - 1e-3 * delta * delta * Math.abs(fx)) {
                double[] t = x;
                x = y;
                y = t;
                fx = fy;
                failed = 0;
            } else if (++failed == 2 * d) {
                delta /= 2;
                failed = 0;
            }
            dir = (dir + 1) % (2 * d);
        }
        return new Minimum(x, fx, evals, true);
    }
}
