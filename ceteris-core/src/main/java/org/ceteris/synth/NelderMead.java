package org.ceteris.synth;

import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder–Mead simplex (Nelder &amp; Mead 1965) with the
 * standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½). Deterministic: the
 * same start gives the same path. Cost: at most {@code maxEvaluations} objective calls plus O(d²)
 * work per iteration in d dimensions.
 */
final class NelderMead {

    /** The best point found and its value. */
    record Minimum(double[] x, double value, int evaluations) {
    }

    private NelderMead() {
    }

    /**
     * Minimises f from {@code start}. The objective is called from this one place: the search is a
     * state machine ({@link Search}) that proposes each next point from the last value. (The
     * straightforward loop called f from five places, and the JIT compiled the whole inner solver
     * into each of them: a third of the CPU of a placebo run went into compiling it.)
     */
    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations, double tol) {
        Search search = new Search(start, step, tol, maxEvaluations);
        for (double[] x = search.first(); x != null; ) {
            x = search.next(f.applyAsDouble(x));
        }
        return search.best();
    }

    /** Where the search is: which point it waits for the value of, and what it does with it. */
    private enum Phase { INIT, REFLECT, EXPAND, CONTRACT, SHRINK }

    /** The Nelder–Mead iteration, one objective value at a time. */
    private static final class Search {
        private final int d;
        private final double step;
        private final double tol;
        private final int maxEvaluations;
        private final double[] start;
        private final double[][] simplex;
        private final double[] values;
        private int evals;
        private Phase phase = Phase.INIT;
        private int index;
        private double[] centroid;
        private double[] xr;
        private double fr;
        private double[] trial;
        private boolean outside;

        Search(double[] start, double step, double tol, int maxEvaluations) {
            this.d = start.length;
            this.start = start;
            this.step = step;
            this.tol = tol;
            this.maxEvaluations = maxEvaluations;
            this.simplex = new double[d + 1][];
            this.values = new double[d + 1];
        }

        double[] first() {
            simplex[0] = start.clone();
            index = 0;
            return simplex[0];
        }

        /** Takes the value of the last point given out; returns the next point, or null when done. */
        double[] next(double value) {
            evals++;
            switch (phase) {
                case INIT:
                    values[index] = value;
                    if (index < d) {
                        double[] p = start.clone();
                        p[index] += p[index] == 0 ? step : step * Math.max(1, Math.abs(p[index]));
                        simplex[++index] = p;
                        return p;
                    }
                    return iterate();
                case REFLECT:
                    fr = value;
                    if (fr < values[0]) {
                        trial = combine(centroid, simplex[d], 2);
                        phase = Phase.EXPAND;
                        return trial;
                    }
                    if (fr < values[d - 1]) {
                        accept(xr, fr);
                        return iterate();
                    }
                    outside = fr < values[d];
                    trial = combine(centroid, simplex[d], outside ? 0.5 : -0.5);
                    phase = Phase.CONTRACT;
                    return trial;
                case EXPAND:
                    if (value < fr) {
                        accept(trial, value);
                    } else {
                        accept(xr, fr);
                    }
                    return iterate();
                case CONTRACT:
                    if (value < (outside ? fr : values[d])) {
                        accept(trial, value);
                        return iterate();
                    }
                    phase = Phase.SHRINK;
                    index = 1;
                    return shrink(index);
                default: // SHRINK
                    values[index] = value;
                    if (index < d) {
                        return shrink(++index);
                    }
                    return iterate();
            }
        }

        /** The start of an iteration: order the simplex, stop when converged or out of budget, else reflect. */
        private double[] iterate() {
            if (evals >= maxEvaluations) {
                return null;
            }
            // order the vertices by value: a stable insertion sort (d + 1 is small; a boxed sort
            // with a comparator made the JIT compile the JDK's TimSort several times over)
            for (int i = 1; i <= d; i++) {
                double[] x = simplex[i];
                double v = values[i];
                int j = i - 1;
                while (j >= 0 && Double.compare(values[j], v) > 0) {
                    simplex[j + 1] = simplex[j];
                    values[j + 1] = values[j];
                    j--;
                }
                simplex[j + 1] = x;
                values[j + 1] = v;
            }
            if (values[d] - values[0] <= tol * (Math.abs(values[0]) + tol) && spread(simplex) < 1e-8) {
                return null;
            }
            centroid = centroid(simplex, d);
            xr = combine(centroid, simplex[d], 1);
            phase = Phase.REFLECT;
            return xr;
        }

        private void accept(double[] x, double value) {
            simplex[d] = x;
            values[d] = value;
        }

        /** Moves vertex i halfway towards the best vertex and hands it out for evaluation. */
        private double[] shrink(int i) {
            for (int j = 0; j < d; j++) {
                simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
            }
            return simplex[i];
        }

        Minimum best() {
            int bi = 0;
            for (int i = 1; i <= d; i++) {
                if (values[i] < values[bi]) {
                    bi = i;
                }
            }
            return new Minimum(simplex[bi].clone(), values[bi], evals);
        }
    }

    /** The mean of the first d vertices (all but the worst). */
    private static double[] centroid(double[][] simplex, int d) {
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[j] += simplex[i][j] / d;
            }
        }
        return c;
    }

    /** centroid + t (centroid − worst). */
    private static double[] combine(double[] centroid, double[] worst, double t) {
        double[] x = new double[centroid.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = centroid[j] + t * (centroid[j] - worst[j]);
        }
        return x;
    }

    private static double spread(double[][] simplex) {
        double m = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                m = Math.max(m, Math.abs(simplex[i][j] - simplex[0][j]));
            }
        }
        return m;
    }
}
