package org.ceteris.interactions;

import java.util.Objects;
import org.ceteris.stats.Moments;

/**
 * The sufficient statistics of one cell of a pair of experiments: units in arm {@code armA} of
 * experiment {@code a} and arm {@code armB} of experiment {@code b}, for one metric.
 */
public record CellStats(String a, String b, String metric, String armA, String armB, Moments stats) {

    public CellStats {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(armA, "armA");
        Objects.requireNonNull(armB, "armB");
        Objects.requireNonNull(stats, "stats");
    }
}
