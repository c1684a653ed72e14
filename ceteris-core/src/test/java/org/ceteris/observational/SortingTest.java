package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix order equals a stable comparison sort (ties in index order) on keys with ties, signs, zeros and extremes. */
class SortingTest {

    private static int[] reference(double[] key, boolean descending) {
        Integer[] idx = new Integer[key.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> { // stable (TimSort); equal as by <, so -0.0 ties with 0.0
            double x = descending ? key[b] : key[a];
            double y = descending ? key[a] : key[b];
            return x < y ? -1 : x > y ? 1 : 0;
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void radixOrderIsTheStableOrder() {
        Random r = new Random(7);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 0.5, 1.0};
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(trial < 100 ? 20 : 3000);
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = switch (trial % 4) {
                    case 0 -> Math.round(r.nextGaussian() * 3) / 2.0;            // many ties, both signs
                    case 1 -> r.nextDouble();                                    // propensity-like
                    case 2 -> special[r.nextInt(special.length)];
                    default -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                };
            }
            for (boolean descending : new boolean[] {false, true}) {
                int[] expected = reference(key, descending);
                assertArrayEquals(expected, Sorting.stableOrder(key, descending), "trial " + trial);
                assertArrayEquals(expected, Sorting.mergeOrder(key, descending), "merge, trial " + trial);
            }
        }
    }

    @Test
    void keysWithNaNFallBackToTheMergeSort() {
        double[] key = {0.3, Double.NaN, 0.1, 0.3};
        assertArrayEquals(Sorting.mergeOrder(key, false), Sorting.stableOrder(key, false));
    }
}
