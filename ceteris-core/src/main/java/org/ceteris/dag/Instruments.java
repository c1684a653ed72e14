package org.ceteris.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Instruments and conditional instruments for the total effect of X on Y (Brito &amp; Pearl 2002;
 * van der Zander, Textor &amp; Liśkiewicz 2015, Def. 3 and the nearest-separator construction of
 * their Alg. 1): Z is an instrument given W when neither Z nor W holds a descendant of X (they are
 * pre-exposure, as in econometric practice), Z and X are d-connected
 * given W in G, and Z and Y are d-separated given W in the proper back-door graph. For each
 * candidate Z the unconditional case W = ∅ is tried first, then W = the separator of Z and Y
 * nearest to Y among the measured allowed ancestors of {Y, Z}, from which nodes are then dropped
 * one at a time while both conditions still hold. Conditioning sets are sought among the ancestors
 * of {Y, Z} only: an instrument that would need W to hold a non-ancestral collider is not listed.
 * O(n² (n + m)) for all candidates.
 */
final class Instruments {

    private Instruments() {
    }

    static List<Instrument> find(Dag dag, int x, int y, CausalGraph backdoor, BitSet forb) {
        CausalGraph g = dag.graph();
        BitSet observed = g.observed();
        List<Instrument> out = new ArrayList<>();
        BitSet bx = CausalGraph.of(x);
        BitSet by = CausalGraph.of(y);
        BitSet post = g.descendants(bx); // instruments and their conditioning sets come before the exposure
        post.or(forb);
        for (int z = observed.nextSetBit(0); z >= 0 && z < dag.nodes().size(); z = observed.nextSetBit(z + 1)) {
            if (z == x || z == y || post.get(z)) {
                continue;
            }
            BitSet bz = CausalGraph.of(z);
            BitSet allowed = (BitSet) observed.clone();
            allowed.andNot(post);
            allowed.clear(x);
            allowed.clear(y);
            allowed.clear(z);
            List<BitSet> candidates = new ArrayList<>();
            if (backdoor.dSeparated(bz, by, new BitSet())) {
                candidates.add(new BitSet());
            }
            BitSet nearest = nearestSeparator(backdoor, y, z, allowed);
            if (nearest != null) {
                candidates.add(nearest);
            }
            for (BitSet w : candidates) {
                if (g.dSeparated(bz, bx, w)) {
                    continue;
                }
                int[] members = w.stream().toArray();
                for (int k = members.length - 1; k >= 0; k--) { // drop what the instrument does not need
                    w.clear(members[k]);
                    if (!backdoor.dSeparated(bz, by, w) || g.dSeparated(bz, bx, w)) {
                        w.set(members[k]);
                    }
                }
                out.add(new Instrument(dag.name(z), dag.names(w)));
                break;
            }
        }
        out.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return out;
    }

    /** The separator of Z and Y nearest to Y within {@code allowed}, or null when none exists. */
    static BitSet nearestSeparator(CausalGraph g, int y, int z, BitSet allowed) {
        BitSet anc = g.ancestors(CausalGraph.of(y, z));
        BitSet w0 = (BitSet) allowed.clone();
        w0.and(anc);
        if (!g.dSeparated(CausalGraph.of(z), CausalGraph.of(y), w0)) {
            return null;
        }
        BitSet[] moral = g.moralGraph(anc);
        BitSet seen = CausalGraph.of(y);
        BitSet boundary = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(y));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int u = moral[v].nextSetBit(0); u >= 0; u = moral[v].nextSetBit(u + 1)) {
                if (w0.get(u)) {
                    boundary.set(u);
                } else if (!seen.get(u)) {
                    seen.set(u);
                    queue.add(u);
                }
            }
        }
        return g.dSeparated(CausalGraph.of(z), CausalGraph.of(y), boundary) ? boundary : w0;
    }
}
