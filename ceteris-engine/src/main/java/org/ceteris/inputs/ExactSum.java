package org.ceteris.inputs;

import java.math.BigDecimal;
import java.math.MathContext;
import org.ceteris.engine.Dialect;

/**
 * A sum of doubles that does not depend on how the rows are partitioned, for engines that
 * aggregate in partitions ({@link Dialect#partitionId()}). Each value x is split in SQL into
 * hi = ⌊1024·x⌋ (an integer, summed exactly as BIGINT) and lo = x − hi/1024 ∈ [0, 1/1024) (summed
 * as doubles); the partitions' parts are added here, hi exactly. Rounding in the sum of lo is at
 * most n·ε/1024 in absolute terms, so a mean is correct to about ε relative whatever the
 * partitioning, where a plain floating-point sum (or Welford's update) is off by up to n·ε·|x̄| and
 * a difference of two close means inherits that error magnified. Values of 4.5e12 or more in
 * absolute value go to lo whole (still summed, no longer split); a hi sum that overflows BIGINT
 * comes back NULL and the caller keeps the engine's own mean. Cost: two sums per column.
 */
final class ExactSum {

    private static final BigDecimal SCALE = BigDecimal.valueOf(1024);

    private BigDecimal hi = BigDecimal.ZERO;
    private double lo;
    private boolean exact = true;

    /** SQL for the integer part of {@code x} (0 when x is NULL or too large to split). */
    static String hi(String x) {
        return "(CASE WHEN abs(" + x + ") < 4.5e12 THEN floor(" + x + " * 1024) ELSE 0 END)";
    }

    /** SQL for the remainder of {@code x}. */
    static String lo(String x) {
        return "(" + x + " - " + hi(x) + " / 1024)";
    }

    /** Adds one partition's sums of hi (a BIGINT, or NULL after an overflow) and lo. */
    void add(Object hiSum, double loSum) {
        if (hiSum == null || Double.isNaN(loSum)) {
            exact = false;
            return;
        }
        hi = hi.add(new BigDecimal(hiSum.toString()));
        lo += loSum;
    }

    /** The mean over {@code n} values, or {@code fallback} when a partition's sum could not be split. */
    double mean(long n, double fallback) {
        if (!exact || n == 0) {
            return fallback;
        }
        return hi.divide(SCALE).add(new BigDecimal(lo)).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    }
}
