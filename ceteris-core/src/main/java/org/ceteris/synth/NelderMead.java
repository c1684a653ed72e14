package org.ceteris.synth;

import java.util.Arrays;
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

    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations, double tol) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        values[0] = f.applyAsDouble(simplex[0]);
        int evals = 1;
        for (int i = 0; i < d; i++) {
            double[] p = start.clone();
            p[i] += p[i] == 0 ? step : step * Math.max(1, Math.abs(p[i]));
            simplex[i + 1] = p;
            values[i + 1] = f.applyAsDouble(p);
            evals++;
        }
        Integer[] order = new Integer[d + 1];
        while (evals < maxEvaluations) {
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            final double[] vals = values;
            Arrays.sort(order, (x, y) -> Double.compare(vals[x], vals[y]));
            double[][] s2 = new double[d + 1][];
            double[] v2 = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                s2[i] = simplex[order[i]];
                v2[i] = values[order[i]];
            }
            simplex = s2;
            values = v2;
            double best = values[0];
            double worst = values[d];
            if (worst - best <= tol * (Math.abs(best) + tol) && spread(simplex) < 1e-8) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            double[] xr = combine(centroid, simplex[d], 1);
            double fr = f.applyAsDouble(xr);
            evals++;
            if (fr < values[0]) {
                double[] xe = combine(centroid, simplex[d], 2);
                double fe = f.applyAsDouble(xe);
                evals++;
                if (fe < fr) {
                    simplex[d] = xe;
                    values[d] = fe;
                } else {
                    simplex[d] = xr;
                    values[d] = fr;
                }
            } else if (fr < values[d - 1]) {
                simplex[d] = xr;
                values[d] = fr;
            } else {
                boolean outside = fr < values[d];
                double[] xc = combine(centroid, simplex[d], outside ? 0.5 : -0.5);
                double fc = f.applyAsDouble(xc);
                evals++;
                if (fc < (outside ? fr : values[d])) {
                    simplex[d] = xc;
                    values[d] = fc;
                } else {
                    for (int i = 1; i <= d; i++) {
                        for (int j = 0; j < d; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = f.applyAsDouble(simplex[i]);
                        evals++;
                    }
                }
            }
        }
        int bi = 0;
        for (int i = 1; i <= d; i++) {
            if (values[i] < values[bi]) {
                bi = i;
            }
        }
        return new Minimum(simplex[bi].clone(), values[bi], evals);
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
