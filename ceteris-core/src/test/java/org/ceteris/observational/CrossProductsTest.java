package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, shared-out sums are the plain loop over rows to the last bit, whatever the number of
 * threads: the logistic fit (and so matching, weighting and every estimate after it) does not
 * depend on the machine's cores. Columns of very different sizes make any change of summation
 * order show in the last bits.
 */
class CrossProductsTest {

    @Test
    void sameBitsAsOneLoopOverTheRowsOnAnyNumberOfThreads() {
        for (int n : new int[] {1, 7, 1023, 1024, 1025, 5000}) {
            for (int p : new int[] {1, 2, 4, 11}) {
                Random rnd = new Random(n * 31L + p);
                double[][] col = new double[p][];
                double[] mean = new double[p];
                for (int j = 1; j < p; j++) {
                    col[j] = new double[n];
                    double size = Math.pow(10, rnd.nextInt(13) - 4);
                    for (int i = 0; i < n; i++) {
                        col[j][i] = size * rnd.nextGaussian() + size * 3;
                    }
                    mean[j] = size * 3 + size * 0.01;
                }
                double[] w = uniform(rnd, n, 0, 0.25);
                double[] r = uniform(rnd, n, -0.5, 0.5);
                double[] weighted = plainLoop(col, mean, w, r, n);
                double[] gram = plainLoop(col, mean, null, null, n);
                for (int groups = 1; groups <= 7; groups++) {
                    String where = "n=" + n + " p=" + p + " groups=" + groups;
                    assertBits(weighted, CrossProducts.of(col, mean, w, r, n, groups), where + " weighted");
                    assertBits(gram, CrossProducts.of(col, mean, null, null, n, groups), where + " unweighted");
                }
                assertBits(weighted, CrossProducts.of(col, mean, w, r, n), "n=" + n + " p=" + p + " default threads");
            }
        }
    }

    @Test
    void largeInputsSplitAcrossThreadsGiveTheSameBits() {
        int n = 400_000;
        int p = 11;
        Random rnd = new Random(5);
        double[][] col = new double[p][];
        double[] mean = new double[p];
        for (int j = 1; j < p; j++) {
            col[j] = new double[n];
            for (int i = 0; i < n; i++) {
                col[j][i] = Math.exp(3 * rnd.nextGaussian());
            }
            mean[j] = 1.5;
        }
        double[] w = uniform(rnd, n, 0, 0.25);
        double[] r = uniform(rnd, n, -0.5, 0.5);
        double[] expected = plainLoop(col, mean, w, r, n);
        assertBits(expected, CrossProducts.of(col, mean, w, r, n), "default threads");
        assertBits(expected, CrossProducts.of(col, mean, w, r, n, 3), "3 groups");
    }

    private static double[] uniform(Random rnd, int n, double low, double high) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + (high - low) * rnd.nextDouble();
        }
        return out;
    }

    /** The loop the logistic fit used before: one pass over the rows, every sum updated per row. */
    private static double[] plainLoop(double[][] col, double[] mean, double[] w, double[] r, int n) {
        int p = col.length;
        int pairs = p * (p + 1) / 2;
        double[] out = new double[pairs + (r == null ? 0 : p)];
        double[] row = new double[p];
        row[0] = 1;
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < p; j++) {
                row[j] = col[j][i] - mean[j];
            }
            int at = 0;
            for (int j = 0; j < p; j++) {
                double rj = row[j];
                if (r != null) {
                    out[pairs + j] += rj * r[i];
                }
                double wr = w == null ? rj : w[i] * rj;
                for (int k = 0; k <= j; k++) {
                    out[at++] += wr * row[k];
                }
            }
        }
        return out;
    }

    private static void assertBits(double[] expected, double[] got, String where) {
        assertEquals(expected.length, got.length, where);
        for (int s = 0; s < expected.length; s++) {
            assertEquals(Double.doubleToLongBits(expected[s]), Double.doubleToLongBits(got[s]), where + " sum " + s);
        }
    }
}
