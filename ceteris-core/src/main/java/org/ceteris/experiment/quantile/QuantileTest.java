package org.ceteris.experiment.quantile;

import java.util.Arrays;
import org.ceteris.CeterisException;
import org.ceteris.experiment.Effect;
import org.ceteris.stats.Distributions;

/**
 * Difference of two arms' q-quantiles without a bootstrap (Liu, Sun, Varshney &amp; Xu, "Large-scale
 * online experimentation with quantile metrics", 2019): for an arm of n values the order statistics at
 * the 1-based ranks L = nq − z√(nq(1−q)) and U = nq + z√(nq(1−q)) (z = z₀.₉₇₅, clamped to 1..n; a
 * fractional rank interpolates linearly between its neighbours, as {@code quantile_cont} does) bracket
 * the quantile with about 95% confidence, so se = (X₍U₎ − X₍L₎)/(2z); the difference has
 * se = √(se_t² + se_c²) and a normal interval; the relative difference (Q_t − Q_c)/Q_c the delta method.
 * O(1) given the order statistics; {@link #fromValues} sorts, O(n log n).
 */
public final class QuantileTest {

    /** The z of the order-statistic bracket: always the 95% one, whatever the α of the comparison. */
    static final double Z = Distributions.normalQuantile(0.975);

    private QuantileTest() {
    }

    /** Checks a quantile level: strictly between 0 and 1. */
    public static double requireLevel(double q, String what) {
        if (!(q > 0 && q < 1)) {
            throw new CeterisException(what + " must be a quantile level strictly between 0 and 1 (e.g. 0.5 or 0.9), got " + q);
        }
        return q;
    }

    /** The 1-based (fractional) ranks {L, U} of the order statistics that bracket the q-quantile of n values. */
    public static double[] ranks(long n, double q) {
        double centre = n * q;
        double half = Z * Math.sqrt(n * q * (1 - q));
        return new double[] {Math.max(1, Math.min(n, centre - half)), Math.max(1, Math.min(n, centre + half))};
    }

    /**
     * The quantile_cont level that reads the order statistic of 1-based rank {@code rank} among n values:
     * (rank − 1)/(n − 1).
     */
    public static double level(double rank, long n) {
        return n <= 1 ? 0.5 : Math.min(1, Math.max(0, (rank - 1) / (n - 1)));
    }

    /** The quantile's standard error from its bracket. */
    public static double se(QuantileStatistic s) {
        return (s.upper() - s.lower()) / (2 * Z);
    }

    /** The statistic of raw values (NaN-free); what the engine's query returns, computed in memory. */
    public static QuantileStatistic fromValues(double[] values, double q) {
        double[] x = values.clone();
        Arrays.sort(x);
        int n = x.length;
        double[] r = ranks(n, q);
        return new QuantileStatistic(n, q, at(x, q), at(x, level(r[0], n)), at(x, level(r[1], n)));
    }

    /** quantile_cont of sorted values: linear interpolation at position (n − 1)p. */
    static double at(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int k = (int) Math.floor(h);
        return k + 1 < n ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[n - 1];
    }

    /** Treatment minus control, absolute and relative, with normal inference. */
    public static Effect effect(QuantileStatistic t, QuantileStatistic c) {
        double st = se(t);
        double sc = se(c);
        double d = t.estimate() - c.estimate();
        double relVar = Effect.relativeVariance(t.estimate(), st * st, c.estimate(), sc * sc);
        return new Effect(d, Math.sqrt(st * st + sc * sc), null, d / c.estimate(), Math.sqrt(relVar), null);
    }
}
