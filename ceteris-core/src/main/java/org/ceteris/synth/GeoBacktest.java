package org.ceteris.synth;

import java.util.Arrays;

/**
 * One simulated synthetic-control test of a set of test units over a past window: the test units'
 * mean outcome is the treated unit, the other units are donors, weights are fitted on the periods
 * before the window (outcome path, as {@code synth} without predictors), and every placebo unit is
 * fitted the same way against the remaining donors. A lift {@code e} multiplies the treated outcome
 * in the window by {@code 1 + e}; the weights and the placebos do not depend on it, so one backtest
 * answers every lift. The test is the placebo test of {@code synth --placebos} (Abadie, Diamond &amp;
 * Hainmueller 2010, §3.3): the post/pre MSPE ratio against the placebos' ratios,
 * {@code p = (1 + #placebos with ratio ≥ the treated one) / (placebos + 1)}.
 * Cost: (placebos + 1) simplex least-squares fits of {@code start × donors}.
 *
 * @param preMspe  the treated unit's MSPE before the window
 * @param actual   the treated (mean) outcome in the window, without lift
 * @param synthetic its synthetic control in the window
 * @param placeboRatios the placebos' post/pre MSPE ratios, sorted increasing
 */
record GeoBacktest(double preMspe, double[] actual, double[] synthetic, double[] placeboRatios) {

    /**
     * Runs the backtest.
     *
     * @param y        outcome[u][t]
     * @param set      the test units
     * @param pool     the donor units (none of {@code set})
     * @param placebos the placebo units, a subset of {@code pool}
     * @param start    index of the window's first period (the fit uses periods 0 … start − 1)
     * @param duration window length
     */
    static GeoBacktest run(double[][] y, int[] set, int[] pool, int[] placebos, int start, int duration) {
        double[] treated = mean(y, set);
        double[] synth = synthetic(y, treated, pool, start, duration);
        double pre = mspe(treated, synth, 0, start, 0);
        double[] actual = Arrays.copyOfRange(treated, start, start + duration);
        double[] window = Arrays.copyOfRange(synth, start, start + duration);
        double[] ratios = new double[placebos.length];
        for (int i = 0; i < placebos.length; i++) {
            int p = placebos[i];
            double[] s = synthetic(y, y[p], SynthFitter.without(pool, p), start, duration);
            ratios[i] = PlaceboInference.ratio(mspe(y[p], s, start, start + duration, 0), mspe(y[p], s, 0, start, 0));
        }
        Arrays.sort(ratios);
        return new GeoBacktest(pre, actual, window, ratios);
    }

    /** The placebo p-value with the treated outcome in the window lifted by {@code 1 + effect}. */
    double pValue(double effect) {
        double post = 0;
        for (int t = 0; t < actual.length; t++) {
            double d = (1 + effect) * actual[t] - synthetic[t];
            post += d * d;
        }
        double ratio = PlaceboInference.ratio(post / actual.length, preMspe);
        double threshold = ratio * (1 - 1e-12);
        int lo = 0;
        int hi = placeboRatios.length;
        while (lo < hi) { // first index with ratio ≥ threshold
            int mid = (lo + hi) >>> 1;
            if (placeboRatios[mid] >= threshold) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (1.0 + placeboRatios.length - lo) / (placeboRatios.length + 1);
    }

    boolean rejects(double effect, double alpha) {
        return pValue(effect) <= alpha * (1 + 1e-12);
    }

    /** The mean outcome path of {@code units}. */
    static double[] mean(double[][] y, int[] units) {
        double[] m = new double[y[0].length];
        for (int u : units) {
            for (int t = 0; t < m.length; t++) {
                m[t] += y[u][t];
            }
        }
        for (int t = 0; t < m.length; t++) {
            m[t] /= units.length;
        }
        return m;
    }

    /** The synthetic path (periods 0 … start + duration − 1) of weights fitted on periods before {@code start}. */
    private static double[] synthetic(double[][] y, double[] treated, int[] donors, int start, int duration) {
        double[] w = weights(y, treated, donors, start);
        double[] s = new double[start + duration];
        for (int j = 0; j < donors.length; j++) {
            if (w[j] != 0) {
                double[] d = y[donors[j]];
                for (int t = 0; t < s.length; t++) {
                    s[t] += w[j] * d[t];
                }
            }
        }
        return s;
    }

    /** Simplex weights of {@code donors} fitting {@code treated} over periods 0 … periods − 1. */
    static double[] weights(double[][] y, double[] treated, int[] donors, int periods) {
        double[][] a = new double[periods][donors.length];
        double[] b = new double[periods];
        for (int t = 0; t < periods; t++) {
            b[t] = treated[t];
            for (int j = 0; j < donors.length; j++) {
                a[t][j] = y[donors[j]][t];
            }
        }
        return SimplexLeastSquares.solve(a, b, null);
    }

    static double mspe(double[] a, double[] s, int from, int to, double lift) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            double d = (1 + lift) * a[t] - s[t];
            sum += d * d;
        }
        return sum / (to - from);
    }
}
