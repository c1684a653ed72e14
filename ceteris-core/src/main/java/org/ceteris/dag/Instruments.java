package org.ceteris.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Instruments and conditional instruments for the total effect of X on Y (Brito &amp; Pearl 2002;
 * van der Zander, Textor &amp; Liśkiewicz 2015, Def. 3 and the nearest-separator construction of
 * their Alg. 1): Z is an instrument given W when W has no node in Forb, Z and X are d-connected
 * given W in G, and Z and Y are d-separated given W in the proper back-door graph. For each
 * candidate Z the unconditional case W = ∅ is tried first, then W = the separator of Z and Y
 * nearest to Y among the measured allowed ancestors of {Y, Z}, from which nodes are then dropped
 * one at a time while both conditions still hold. O(n² (n + m)) for all candidates.
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
        for (int z = observed.nextSetBit(0); z >= 0 && z < dag.nodes().size(); z = observed.nextSetBit(z + 1)) {
            if (z == x || z == y || forb.get(z)) {
                continue;
            }
            BitSet bz = CausalGraph.of(z);
            BitSet w = new BitSet();
            if (!backdoor.dSeparated(bz, by, w)) {
                BitSet allowed = (BitSet) observed.clone();
                allowed.andNot(forb);
                allowed.clear(x);
                allowed.clear(y);
                allowed.clear(z);
                w = nearestSeparator(backdoor, y, z, allowed);
                if (w == null) {
                    continue;
                }
            }
            if (!g.dSeparated(bz, bx, w)) {
                int[] members = w.stream().toArray();
                for (int k = members.length - 1; k >= 0; k--) { // drop what the instrument does not need
                    w.clear(members[k]);
                    if (!backdoor.dSeparated(bz, by, w) || g.dSeparated(bz, bx, w)) {
                        w.set(members[k]);
                    }
                }
                out.add(new Instrument(dag.name(z), dag.names(w)));
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
