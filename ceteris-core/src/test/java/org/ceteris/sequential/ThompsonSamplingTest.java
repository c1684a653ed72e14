package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThompsonSamplingTest {

    @Test
    void aClearlyBestArmGetsAllButTheOthersFloors() {
        double[] s = ThompsonSampling.allocation(new double[] {0, 10, 0, 0}, new double[] {1e-4, 1e-4, 1e-4, 1e-4},
                new boolean[] {true, true, true, true}, Direction.HIGHER, 0.01, 10_000, 1);
        assertArrayEquals(new double[] {0.01, 0.97, 0.01, 0.01}, s, 1e-12);
    }

    @Test
    void lowerIsBetterReversesTheOrder() {
        double[] s = ThompsonSampling.allocation(new double[] {0, 10}, new double[] {1e-4, 1e-4},
                new boolean[] {true, true}, Direction.LOWER, 0.01, 1000, 1);
        assertArrayEquals(new double[] {0.99, 0.01}, s, 1e-12);
    }

    @Test
    void equalArmsShareAboutEqually() {
        double[] s = ThompsonSampling.allocation(new double[] {1, 1, 1}, new double[] {1, 1, 1},
                new boolean[] {true, true, true}, Direction.HIGHER, 0.01, 30_000, 7);
        for (double x : s) {
            assertEquals(1.0 / 3, x, 0.015);
        }
    }

    @Test
    void demotedArmsGetNothingAndArmsWithoutDataMeanEqualShares() {
        double[] s = ThompsonSampling.allocation(new double[] {0, 1, Double.NaN}, new double[] {1, 1, Double.NaN},
                new boolean[] {true, true, false}, Direction.HIGHER, 0.01, 1000, 1);
        assertEquals(0.0, s[2]);
        assertEquals(1.0, s[0] + s[1], 1e-12);
        double[] eq = ThompsonSampling.allocation(new double[] {0, Double.NaN}, new double[] {1, Double.NaN},
                new boolean[] {true, true}, Direction.HIGHER, 0.01, 1000, 1);
        assertArrayEquals(new double[] {0.5, 0.5}, eq);
    }

    @Test
    void theSameSeedGivesTheSameSharesAndAnotherSeedSlightlyOther() {
        double[] m = {0, 0.1, 0.05};
        double[] v = {0.01, 0.01, 0.01};
        boolean[] a = {true, true, true};
        double[] one = ThompsonSampling.allocation(m, v, a, Direction.HIGHER, 0.01, 5000, 3);
        assertArrayEquals(one, ThompsonSampling.allocation(m, v, a, Direction.HIGHER, 0.01, 5000, 3));
        double[] other = ThompsonSampling.allocation(m, v, a, Direction.HIGHER, 0.01, 5000, 4);
        assertTrue(!java.util.Arrays.equals(one, other));
        for (int i = 0; i < 3; i++) {
            assertEquals(one[i], other[i], 0.05);
        }
    }
}
