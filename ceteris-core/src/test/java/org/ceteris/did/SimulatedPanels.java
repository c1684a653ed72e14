package org.ceteris.did;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded staggered-adoption panels with known effects, for the calibration simulations. */
final class SimulatedPanels {

    static final long[] COHORTS = {0, 3, 5};
    static final double[] COHORT_PROBABILITY = {0.4, 0.3, 0.3};

    private SimulatedPanels() {
    }

    /** The effect of cohort g in period t (zero before adoption): grows with time since adoption, differs by cohort. */
    static double effect(long g, long t) {
        if (g == 0 || t < g) {
            return 0;
        }
        return (g == 3 ? 1.0 : 0.5) + 0.25 * (t - g);
    }

    /** The population simple ATT: post cells weighted by cohort probabilities. */
    static double trueSimpleAtt(int periods) {
        double num = 0;
        double den = 0;
        for (int c = 1; c < COHORTS.length; c++) {
            for (long t = 1; t <= periods; t++) {
                if (t >= COHORTS[c]) {
                    num += COHORT_PROBABILITY[c] * effect(COHORTS[c], t);
                    den += COHORT_PROBABILITY[c];
                }
            }
        }
        return num / den;
    }

    /**
     * Periods 1…T; y = unit effect + period effect + effect(g, t) + pretrendSlope·t for treated
     * units + N(0,1) noise with AR(1) 0.5 within unit (so clustering matters).
     */
    static DidPanel staggered(Random rng, int units, int periods, double pretrendSlope) {
        List<String> labels = new ArrayList<>();
        long[] ps = new long[periods];
        for (int t = 0; t < periods; t++) {
            ps[t] = t + 1;
        }
        int rows = units * periods;
        int[] u = new int[rows];
        int[] p = new int[rows];
        double[] y = new double[rows];
        long[] ft = new long[units];
        double[] timeEffect = new double[periods];
        for (int t = 0; t < periods; t++) {
            timeEffect[t] = 0.3 * t + rng.nextGaussian() * 0.2;
        }
        int r = 0;
        for (int i = 0; i < units; i++) {
            labels.add("u" + i);
            double draw = rng.nextDouble();
            int c = draw < COHORT_PROBABILITY[0] ? 0 : draw < COHORT_PROBABILITY[0] + COHORT_PROBABILITY[1] ? 1 : 2;
            ft[i] = COHORTS[c];
            double alpha = rng.nextGaussian() + (c == 0 ? 0 : 0.5 * c);
            double e = 0;
            for (int t = 0; t < periods; t++) {
                e = 0.5 * e + rng.nextGaussian() * Math.sqrt(0.75);
                long period = t + 1;
                u[r] = i;
                p[r] = t;
                y[r] = alpha + timeEffect[t] + effect(ft[i], period) + (ft[i] > 0 ? pretrendSlope * period : 0) + e;
                r++;
            }
        }
        return new DidPanel(labels, ps, u, p, y, null, null, ft, List.of(), new double[0][], 0);
    }

    /**
     * Parallel trends, no effect, adoption late in a long panel: cohorts {@code cohorts} (0 = never)
     * drawn with equal probability, so there are many pre-period cells per unit. Noise as in
     * {@link #staggered}.
     */
    static DidPanel lateAdoption(Random rng, int units, int periods, long[] cohorts) {
        List<String> labels = new ArrayList<>();
        long[] ps = new long[periods];
        for (int t = 0; t < periods; t++) {
            ps[t] = t + 1;
        }
        int[] u = new int[units * periods];
        int[] p = new int[units * periods];
        double[] y = new double[units * periods];
        long[] ft = new long[units];
        int r = 0;
        for (int i = 0; i < units; i++) {
            labels.add("u" + i);
            ft[i] = cohorts[rng.nextInt(cohorts.length)];
            double alpha = rng.nextGaussian();
            double e = 0;
            for (int t = 0; t < periods; t++) {
                e = 0.5 * e + rng.nextGaussian() * Math.sqrt(0.75);
                u[r] = i;
                p[r] = t;
                y[r] = alpha + 0.3 * t + e;
                r++;
            }
        }
        return new DidPanel(labels, ps, u, p, y, null, null, ft, List.of(), new double[0][], 0);
    }

    /** The same panel as a 2×2: cohort-3 units are treated from period 3, never-treated units are controls. */
    static DidPanel twoByTwo(Random rng, int units, int periods, double effect) {
        List<String> labels = new ArrayList<>();
        long[] ps = new long[periods];
        for (int t = 0; t < periods; t++) {
            ps[t] = t + 1;
        }
        int rows = units * periods;
        int[] u = new int[rows];
        int[] p = new int[rows];
        double[] y = new double[rows];
        double[] d = new double[rows];
        double[] post = new double[rows];
        int r = 0;
        for (int i = 0; i < units; i++) {
            labels.add("u" + i);
            boolean treated = rng.nextBoolean();
            double alpha = rng.nextGaussian() + (treated ? 1 : 0);
            double e = 0;
            for (int t = 0; t < periods; t++) {
                e = 0.5 * e + rng.nextGaussian() * Math.sqrt(0.75) * (treated ? 1.5 : 1.0);
                boolean after = t + 1 >= 3;
                u[r] = i;
                p[r] = t;
                d[r] = treated ? 1 : 0;
                post[r] = after ? 1 : 0;
                y[r] = alpha + 0.4 * t + (treated && after ? effect : 0) + e;
                r++;
            }
        }
        return new DidPanel(labels, ps, u, p, y, d, post, null, List.of(), new double[0][], 0);
    }
}
