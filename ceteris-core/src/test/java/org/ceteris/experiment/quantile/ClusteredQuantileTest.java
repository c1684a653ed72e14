package org.ceteris.experiment.quantile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.ceteris.experiment.Effect;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Event-level quantiles with members as the randomisation unit: seeded calibration of the clustered
 * bracket (coverage of the treatment-minus-control interval at the nominal 95%), against the
 * independent-events bracket, which under-covers when a member's events are alike.
 */
class ClusteredQuantileTest {

    /** Events of one member: about 1 + Poisson(4) of them, log-normal around a member level; with a zero share when zeroInflated. */
    static double[] member(Random rng, boolean zeroInflated, double scale) {
        int k = 1 + poisson(rng, 4);
        double level = 0.8 * rng.nextGaussian();
        double zeros = zeroInflated ? (rng.nextDouble() < 0.5 ? 0.1 : 0.6) : 0; // members differ in how often they watch nothing
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = rng.nextDouble() < zeros ? 0 : scale * Math.exp(3 + level + 0.6 * rng.nextGaussian());
        }
        return x;
    }

    static int poisson(Random rng, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = rng.nextDouble();
        while (p > l) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    static double[][] arm(Random rng, int members, boolean zeroInflated, double scale) {
        double[][] out = new double[members][];
        for (int i = 0; i < members; i++) {
            out[i] = member(rng, zeroInflated, scale);
        }
        return out;
    }

    /** The population q-quantile of events, from two million members (its error is far below one experiment's). */
    static double truth(boolean zeroInflated, double q) {
        double[][] big = arm(new Random(99), 2_000_000, zeroInflated, 1);
        double[] all = Arrays.stream(big).flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return QuantileTest.at(all, q);
    }

    /** Share of experiments whose 95% interval for treatment (values × 1.1) minus control covers 0.1 × the true quantile: {clustered, independent}. */
    static double[] coverage(boolean zeroInflated, double q, int experiments, int members, long seed) {
        double trueDiff = 0.1 * truth(zeroInflated, q);
        Random rng = new Random(seed);
        int clustered = 0;
        int independent = 0;
        for (int e = 0; e < experiments; e++) {
            double[][] c = arm(rng, members, zeroInflated, 1);
            double[][] t = arm(rng, members, zeroInflated, 1.1);
            clustered += covers(QuantileTest.effect(ClusteredQuantile.fromUnits(t, q), ClusteredQuantile.fromUnits(c, q)), trueDiff) ? 1 : 0;
            independent += covers(QuantileTest.effect(QuantileTest.fromValues(flat(t), q), QuantileTest.fromValues(flat(c), q)), trueDiff) ? 1 : 0;
        }
        return new double[] {(double) clustered / experiments, (double) independent / experiments};
    }

    static boolean covers(Effect e, double truth) {
        double z = QuantileTest.Z;
        return Math.abs(e.estimate() - truth) <= z * e.se();
    }

    static double[] flat(double[][] units) {
        return Arrays.stream(units).flatMapToDouble(Arrays::stream).toArray();
    }

    /** 2,000 seeded experiments per case, log-normal and zero-inflated events, Q = 0.5 and 0.9: 95% ± 1% (about 25 s). */
    @Test
    @Tag("slow")
    void clusteredIntervalCoversAtTheNominalRate() {
        checkCoverage(2000, 500, 20261205L, 0.01);
    }

    /** The same with 400 experiments of 300 members per case, for every build: 95% ± 2.5%. */
    @Test
    void clusteredIntervalCoversAtTheNominalRateQuick() {
        checkCoverage(400, 300, 7L, 0.025);
    }

    static void checkCoverage(int experiments, int members, long seed, double tolerance) {
        StringBuilder seen = new StringBuilder();
        for (boolean zeroInflated : new boolean[] {false, true}) {
            for (double q : new double[] {0.5, 0.9}) {
                double[] cov = coverage(zeroInflated, q, experiments, members, seed);
                seen.append(String.format(java.util.Locale.ROOT, "%s q=%.1f: clustered %.4f, independent %.4f; ",
                        zeroInflated ? "zero-inflated" : "log-normal", q, cov[0], cov[1]));
                assertEquals(0.95, cov[0], tolerance, seen.toString());
                assertTrue(cov[1] < 0.90, "events of a member are alike, so the independent bracket must under-cover: " + seen);
            }
        }
        System.out.println("coverage of 95% intervals, " + experiments + " experiments: " + seen);
    }

    /** One event per member: the clustered bracket is the independent one (up to the n/(n − 1) of the sample variance). */
    @Test
    void oneEventPerUnitIsTheIndependentBracket() {
        Random rng = new Random(4);
        double[][] units = new double[5000][];
        for (int i = 0; i < units.length; i++) {
            units[i] = new double[] {Math.exp(rng.nextGaussian())};
        }
        QuantileStatistic c = ClusteredQuantile.fromUnits(units, 0.9);
        QuantileStatistic i = QuantileTest.fromValues(flat(units), 0.9);
        assertEquals(i.estimate(), c.estimate(), 0.0);
        assertEquals(QuantileTest.se(i), QuantileTest.se(c), 0.01 * QuantileTest.se(i));
    }

    /** The variance from the six integers, against the formula written out in doubles on a small case. */
    @Test
    void cdfVarianceByHand() {
        long[][] sn = {{2, 3}, {0, 1}, {4, 4}, {1, 5}};
        double s = 0;
        double n = 0;
        for (long[] u : sn) {
            s += u[0];
            n += u[1];
        }
        double p = s / n;
        double sum = 0;
        for (long[] u : sn) {
            sum += (u[0] - p * u[1]) * (u[0] - p * u[1]);
        }
        double expected = 4.0 / 3 * sum / (n * n);
        ClusteredQuantile.Moments m = new ClusteredQuantile.Moments(4, BigInteger.valueOf(7), BigInteger.valueOf(13),
                BigInteger.valueOf(4 + 0 + 16 + 1), BigInteger.valueOf(9 + 1 + 16 + 25), BigInteger.valueOf(6 + 0 + 16 + 5));
        assertEquals(expected, m.cdfVariance(), 1e-15);
        assertArrayEquals(QuantileTest.ranks(13, 0.5), ClusteredQuantile.ranks(13, 0.5,
                new ClusteredQuantile.Moments(1, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE)), 0.0,
                "one unit: no variance to estimate, the independent bracket");
    }
}
