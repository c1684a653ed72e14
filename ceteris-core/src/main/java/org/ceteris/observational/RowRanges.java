package org.ceteris.observational;

import java.util.stream.IntStream;

/**
 * Runs a loop over rows in ranges on the common fork-join pool, for work where each row's result is
 * computed on its own (no sum across rows), so the result does not depend on how the rows are split.
 */
final class RowRanges {

    private static final int RANGE = 1 << 16;

    /** The body of a loop over rows {@code from..to-1}. */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private RowRanges() {
    }

    static void forEach(int n, Body body) {
        int ranges = (n + RANGE - 1) / RANGE;
        if (ranges <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, ranges).parallel().forEach(k -> body.run(k * RANGE, Math.min(n, (k + 1) * RANGE)));
    }
}
