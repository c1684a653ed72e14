package org.ceteris.observational;

/**
 * Greedy 1:k nearest-neighbour matching on a one-dimensional score, as R MatchIt's
 * {@code method = "nearest"} does it (Ho, Imai, King &amp; Stuart 2011; MatchIt 4.5 with the fix of
 * its issue #163): treated units take their matches one at a time in descending score order
 * ({@code m.order = "largest"}, ties in data order); each takes the closest available control,
 * looking at the nearest available control below it and the nearest above it in score order
 * (all units sorted by score, ties in data order) and preferring the one below when the two are
 * equally far. With {@code k > 1} matching proceeds in k rounds, each treated unit taking one more
 * control per round. Without replacement a control is used once; with replacement controls are
 * reused but a treated unit never takes the same control twice. A caliper (on the score scale)
 * excludes controls farther than it; a treated unit with none within reach stays unmatched and
 * takes no further rounds.
 *
 * <p>Cost: one O(n log n) sort, then near-constant time per match: the next available control on
 * each side is found with path-compressed "next free slot" pointers (union–find), so 1M units match
 * in well under a second.
 */
public final class NearestNeighborMatcher {

    private NearestNeighborMatcher() {
    }

    /**
     * @param caliper maximum score distance, or {@code Double.POSITIVE_INFINITY} for none
     */
    public static MatchedSets match(boolean[] treated, double[] score, int ratio, boolean replace, double caliper) {
        if (ratio < 1) {
            throw new IllegalArgumentException("ratio must be at least 1");
        }
        int n = treated.length;
        int[] byScore = Sorting.stableOrder(score, false);
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[byScore[p]] = p;
        }
        int[] order = treatedOrder(treated, score);
        int n1 = order.length;
        // left[p]/right[p]: path-compressed pointers to the nearest position ≤ p / ≥ p holding an
        // available control; -1 / n mean none. Treated positions are never available.
        int[] left = new int[n];
        int[] right = new int[n];
        for (int p = 0; p < n; p++) {
            boolean control = !treated[byScore[p]];
            left[p] = control ? p : p - 1;
            right[p] = control ? p : p + 1;
        }
        int[][] slots = new int[n1][ratio];
        int[] filled = new int[n1];
        boolean[] active = new boolean[n1];
        java.util.Arrays.fill(active, true);
        int availableControls = n - n1;
        for (int r = 0; r < ratio && availableControls > 0; r++) {
            for (int o = 0; o < n1 && availableControls > 0; o++) {
                if (!active[o]) {
                    continue;
                }
                int unit = order[o];
                int pos = position[unit];
                double d = score[unit];
                int l;
                int rr;
                if (replace) {
                    l = pos - 1;
                    rr = pos + 1;
                    l = skipLeft(l, byScore, treated, slots[o], filled[o]);
                    rr = skipRight(rr, byScore, treated, slots[o], filled[o], n);
                } else {
                    l = find(left, pos - 1);
                    rr = findRight(right, pos + 1, n);
                }
                if (l >= 0 && Math.abs(score[byScore[l]] - d) > caliper) {
                    l = -1;
                }
                if (rr < n && Math.abs(score[byScore[rr]] - d) > caliper) {
                    rr = n;
                }
                int chosen;
                if (l >= 0 && rr < n) {
                    chosen = Math.abs(score[byScore[l]] - d) <= Math.abs(score[byScore[rr]] - d) ? l : rr;
                } else if (l >= 0) {
                    chosen = l;
                } else if (rr < n) {
                    chosen = rr;
                } else {
                    active[o] = false;
                    continue;
                }
                slots[o][filled[o]++] = byScore[chosen];
                if (!replace) {
                    left[chosen] = chosen - 1;
                    right[chosen] = chosen + 1;
                    availableControls--;
                }
            }
        }
        int sets = 0;
        int total = 0;
        for (int o = 0; o < n1; o++) {
            if (filled[o] > 0) {
                sets++;
                total += filled[o];
            }
        }
        int[] t = new int[sets];
        int[] start = new int[sets + 1];
        int[] c = new int[total];
        int s = 0;
        int k = 0;
        for (int o = 0; o < n1; o++) {
            if (filled[o] == 0) {
                continue;
            }
            t[s] = order[o];
            start[s] = k;
            for (int j = 0; j < filled[o]; j++) {
                c[k++] = slots[o][j];
            }
            s++;
        }
        start[sets] = k;
        return new MatchedSets(t, start, c, n1 - sets);
    }

    /** Treated rows in descending score order, ties in data order (R's stable {@code order(decreasing = TRUE)}). */
    static int[] treatedOrder(boolean[] treated, double[] score) {
        int n1 = 0;
        for (boolean t : treated) {
            n1 += t ? 1 : 0;
        }
        int[] rows = new int[n1];
        double[] s = new double[n1];
        int k = 0;
        for (int i = 0; i < treated.length; i++) {
            if (treated[i]) {
                rows[k] = i;
                s[k++] = score[i];
            }
        }
        int[] ord = Sorting.stableOrder(s, true);
        int[] out = new int[n1];
        for (int i = 0; i < n1; i++) {
            out[i] = rows[ord[i]];
        }
        return out;
    }

    private static int find(int[] left, int p) {
        int root = p;
        while (root >= 0 && left[root] != root) {
            root = left[root];
        }
        while (p >= 0 && left[p] != p && p != root) {
            int next = left[p];
            left[p] = root;
            p = next;
        }
        return root;
    }

    private static int findRight(int[] right, int p, int n) {
        int root = p;
        while (root < n && right[root] != root) {
            root = right[root];
        }
        while (p < n && right[p] != p && p != root) {
            int next = right[p];
            right[p] = root;
            p = next;
        }
        return root;
    }

    private static int skipLeft(int p, int[] byScore, boolean[] treated, int[] taken, int filled) {
        while (p >= 0 && (treated[byScore[p]] || contains(taken, filled, byScore[p]))) {
            p--;
        }
        return p;
    }

    private static int skipRight(int p, int[] byScore, boolean[] treated, int[] taken, int filled, int n) {
        while (p < n && (treated[byScore[p]] || contains(taken, filled, byScore[p]))) {
            p++;
        }
        return p;
    }

    private static boolean contains(int[] a, int len, int v) {
        for (int i = 0; i < len; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
