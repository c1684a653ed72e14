package org.ceteris.observational;

/**
 * A stable index sort on a double key, as R's {@code order()} is stable: an LSD radix sort over the
 * key's bits (eight passes of one byte at most, a pass skipped when all keys share that byte), with a
 * merge sort for keys that hold NaN. Both order −0.0 and 0.0 as equal, as {@code <} does.
 */
final class Sorting {

    private Sorting() {
    }

    /** Indices of {@code key} in ascending (or descending) key order; equal keys stay in index order. */
    static int[] stableOrder(double[] key, boolean descending) {
        int n = key.length;
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(key[i])) {
                return mergeOrder(key, descending);
            }
            long b = Double.doubleToRawLongBits(key[i] == 0 ? 0.0 : key[i]);
            b = b < 0 ? ~b : b | Long.MIN_VALUE; // unsigned order of b is the order of the doubles
            bits[i] = descending ? ~b : b;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] idxOut = new int[n];
        long[] bitsOut = new long[n];
        for (int shift = 0; shift < 64; shift += 8) {
            int[] start = new int[257];
            for (long b : bits) {
                start[(int) ((b >>> shift) & 0xFF) + 1]++;
            }
            boolean oneBucket = false;
            for (int d = 1; d <= 256; d++) {
                oneBucket |= start[d] == n;
            }
            if (oneBucket) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                start[d + 1] += start[d];
            }
            for (int i = 0; i < n; i++) {
                int at = start[(int) ((bits[i] >>> shift) & 0xFF)]++;
                idxOut[at] = idx[i];
                bitsOut[at] = bits[i];
            }
            int[] ti = idx;
            idx = idxOut;
            idxOut = ti;
            long[] tb = bits;
            bits = bitsOut;
            bitsOut = tb;
        }
        return idx;
    }

    static int[] mergeOrder(double[] key, boolean descending) {
        int n = key.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] buf = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    double ka = key[idx[a]];
                    double kb = key[idx[b]];
                    boolean takeB = descending ? kb > ka : kb < ka;
                    buf[k++] = takeB ? idx[b++] : idx[a++];
                }
                while (a < mid) {
                    buf[k++] = idx[a++];
                }
                while (b < hi) {
                    buf[k++] = idx[b++];
                }
            }
            int[] t = idx;
            idx = buf;
            buf = t;
        }
        return idx;
    }
}
