package org.ceteris.observational;

/** A stable index sort on a double key (merge sort, O(n log n)), as R's {@code order()} is stable. */
final class Sorting {

    private Sorting() {
    }

    /** Indices of {@code key} in ascending (or descending) key order; equal keys stay in index order. */
    static int[] stableOrder(double[] key, boolean descending) {
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
