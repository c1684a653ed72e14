package org.ceteris.observational;

import java.util.stream.IntStream;

/**
 * The sums of products of centred columns that a Newton or least-squares step needs:
 * {@code Σ_i (w_i·c_ij)·c_ik} for every {@code k ≤ j} and {@code Σ_i c_ij·r_i}, where {@code c_i0 = 1}
 * (the intercept) and {@code c_ij = x_j[i] − m_j}.
 *
 * <p>Every sum adds its terms in row order, exactly as one loop over the rows would, so the result
 * is the same to the last bit on any number of threads: the threads share out the sums, not the
 * rows. The rows are taken in blocks that stay in the processor's cache, and four sums advance
 * together so that their additions overlap.
 */
final class CrossProducts {

    private static final int BLOCK = 1024;
    /** Rows × sums below which one thread does everything (starting threads would cost more). */
    private static final long PARALLEL_WORK = 1L << 22;

    private CrossProducts() {
    }

    /**
     * The sums, the lower triangle row by row ({@code p(p+1)/2} values, {@code (j, k)} at
     * {@code j(j+1)/2 + k}), then, when {@code r} is given, the {@code p} sums with {@code r}.
     *
     * @param col  the columns, {@code col[1..p-1]} ({@code col[0]}, the intercept, is not read)
     * @param mean the means to centre them by ({@code mean[0]} is not read)
     * @param w    the row weights, or null for 1
     * @param r    the values to sum each centred column against (a gradient's residuals), or null
     */
    static double[] of(double[][] col, double[] mean, double[] w, double[] r, int n) {
        int p = col.length;
        int sums = p * (p + 1) / 2 + (r == null ? 0 : p);
        int threads = (long) n * sums < PARALLEL_WORK ? 1 : Runtime.getRuntime().availableProcessors();
        return of(col, mean, w, r, n, Math.max(1, Math.min(threads, sums / 4)));
    }

    /** As {@link #of(double[][], double[], double[], double[], int)}, with the sums shared among {@code groups} tasks. */
    static double[] of(double[][] col, double[] mean, double[] w, double[] r, int n, int groups) {
        int p = col.length;
        int pairs = p * (p + 1) / 2;
        int sums = pairs + (r == null ? 0 : p);
        // which block arrays each sum multiplies: 0..p-1 the centred columns, p..2p-1 the weighted ones, 2p the r values
        int[] left = new int[sums];
        int[] right = new int[sums];
        for (int j = 0, s = 0; j < p; j++) {
            for (int k = 0; k <= j; k++, s++) {
                left[s] = w == null ? j : p + j;
                right[s] = k;
            }
        }
        for (int j = 0; j < sums - pairs; j++) {
            left[pairs + j] = j;
            right[pairs + j] = 2 * p;
        }
        double[] out = new double[sums];
        IntStream tasks = IntStream.range(0, groups);
        (groups > 1 ? tasks.parallel() : tasks).forEach(g -> {
            int from = (int) ((long) sums * g / groups);
            int to = (int) ((long) sums * (g + 1) / groups);
            accumulate(col, mean, w, r, n, left, right, from, to, out);
        });
        return out;
    }

    /** Sums {@code from..to-1} over all rows, block by block, into {@code out}. */
    private static void accumulate(double[][] col, double[] mean, double[] w, double[] r, int n, int[] left, int[] right,
            int from, int to, double[] out) {
        int p = col.length;
        double[][] block = new double[2 * p + 2][BLOCK]; // centred, weighted, r, and zeros for unused lanes
        java.util.Arrays.fill(block[0], 1.0);
        int zeros = 2 * p + 1;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            for (int j = 1; j < p; j++) {
                double[] c = col[j];
                double m = mean[j];
                double[] b = block[j];
                for (int i = 0; i < len; i++) {
                    b[i] = c[start + i] - m;
                }
            }
            if (w != null) {
                for (int j = 0; j < p; j++) {
                    double[] c = block[j];
                    double[] b = block[p + j];
                    for (int i = 0; i < len; i++) {
                        b[i] = w[start + i] * c[i];
                    }
                }
            }
            if (r != null) {
                System.arraycopy(r, start, block[2 * p], 0, len);
            }
            for (int s = from; s < to; s += 4) {
                double[] x0 = block[left[s]];
                double[] y0 = block[right[s]];
                double[] x1 = s + 1 < to ? block[left[s + 1]] : block[zeros];
                double[] y1 = s + 1 < to ? block[right[s + 1]] : block[zeros];
                double[] x2 = s + 2 < to ? block[left[s + 2]] : block[zeros];
                double[] y2 = s + 2 < to ? block[right[s + 2]] : block[zeros];
                double[] x3 = s + 3 < to ? block[left[s + 3]] : block[zeros];
                double[] y3 = s + 3 < to ? block[right[s + 3]] : block[zeros];
                double a0 = out[s];
                double a1 = s + 1 < to ? out[s + 1] : 0;
                double a2 = s + 2 < to ? out[s + 2] : 0;
                double a3 = s + 3 < to ? out[s + 3] : 0;
                for (int i = 0; i < len; i++) {
                    a0 += x0[i] * y0[i];
                    a1 += x1[i] * y1[i];
                    a2 += x2[i] * y2[i];
                    a3 += x3[i] * y3[i];
                }
                out[s] = a0;
                if (s + 1 < to) {
                    out[s + 1] = a1;
                }
                if (s + 2 < to) {
                    out[s + 2] = a2;
                }
                if (s + 3 < to) {
                    out[s + 3] = a3;
                }
            }
        }
    }
}
