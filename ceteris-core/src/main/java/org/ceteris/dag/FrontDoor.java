package org.ceteris.dag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Minimal front-door sets (Pearl 1995; Pearl 2009, Def. 3.3.3): M intercepts every directed path
 * from X to Y, there is no open back-door path from X to M, and every back-door path from M to Y
 * is blocked by X. Candidates are the measured nodes on causal paths from X to Y; subsets are tried
 * by increasing size, supersets of sets already found skipped, up to {@link #BUDGET} subsets.
 * Each check costs O(n + m).
 */
final class FrontDoor {

    /** At most this many candidate subsets are checked. */
    static final int BUDGET = 1 << 16;

    private FrontDoor() {
    }

    static List<List<String>> minimalSets(Dag dag, int x, int y) {
        CausalGraph g = dag.graph();
        BitSet cand = AdjustmentSets.causalNodes(g, CausalGraph.of(x), CausalGraph.of(y));
        cand.clear(y);
        cand.and(g.observed());
        int[] c = cand.stream().toArray();
        List<BitSet> found = new ArrayList<>();
        int checked = 0;
        for (int size = 1; size <= c.length && checked < BUDGET; size++) {
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            while (checked < BUDGET) {
                BitSet m = new BitSet();
                for (int i : idx) {
                    m.set(c[i]);
                }
                boolean superset = false;
                for (BitSet f : found) {
                    BitSet t = (BitSet) f.clone();
                    t.andNot(m);
                    superset |= t.isEmpty();
                }
                if (!superset) {
                    checked++;
                    if (satisfies(g, x, y, m)) {
                        found.add(m);
                    }
                }
                if (!nextCombination(idx, c.length)) {
                    break;
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (BitSet m : found) {
            out.add(dag.names(m));
        }
        out.sort(AdjustmentSets.SET_ORDER);
        return out;
    }

    /** The three front-door conditions for the set {@code m}. */
    static boolean satisfies(CausalGraph g, int x, int y, BitSet m) {
        // (i) every directed path X -> Y passes through M
        BitSet reach = g.without((a, b) -> m.get(b)).descendants(CausalGraph.of(x));
        if (reach.get(y)) {
            return false;
        }
        // (ii) no open back-door path from X to M: X and M d-separated once X's out-edges are cut
        if (!g.without((a, b) -> a == x).dSeparated(CausalGraph.of(x), m, new BitSet())) {
            return false;
        }
        // (iii) back-door paths from M to Y blocked by X: M ⊥ Y | X once M's out-edges are cut
        return g.without((a, b) -> m.get(a)).dSeparated(m, CausalGraph.of(y), CausalGraph.of(x));
    }

    private static boolean nextCombination(int[] idx, int n) {
        int k = idx.length;
        int i = k - 1;
        while (i >= 0 && idx[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        idx[i]++;
        for (int j = i + 1; j < k; j++) {
            idx[j] = idx[j - 1] + 1;
        }
        return true;
    }
}
