package org.ceteris.dag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The basis set of testable implications: for every non-adjacent pair (u, v) of measured nodes,
 * u before v in a topological order, one conditional independence u ⊥ v | Z. Without latent parents of v,
 * Z = pa(v) (the local Markov basis, Pearl 2009 §1.2.3; Textor et al. 2016). Otherwise Z starts as
 * the measured ancestors of {u, v}, which separate the pair whenever any measured set does
 * (Richardson &amp; Spirtes 2002, Thm. 4.18 via the latent projection), and is reduced one node at
 * a time to a minimal separator (Tian, Paz &amp; Pearl 1998). Pairs with no measured separator
 * (joined through latent variables) imply nothing testable. O(k² (n + m)) for k measured nodes,
 * O(k³ (n + m)) with latent variables.
 */
final class Implications {

    private Implications() {
    }

    static List<Implication> basis(Dag dag) {
        CausalGraph g = dag.graph();
        List<Integer> measured = new ArrayList<>();
        for (String n : dag.observed()) {
            measured.add(dag.index(n));
        }
        measured.sort(Comparator.comparingInt(dag::rank));
        BitSet observed = g.observed();
        List<Implication> out = new ArrayList<>();
        for (int j = 0; j < measured.size(); j++) {
            int v = measured.get(j);
            for (int i = 0; i < j; i++) {
                int u = measured.get(i);
                if (g.adjacent(u, v)) {
                    continue;
                }
                BitSet z = separator(g, u, v, observed);
                if (z == null) {
                    continue;
                }
                String a = dag.name(u);
                String b = dag.name(v);
                out.add(a.compareTo(b) <= 0 ? new Implication(a, b, dag.names(z)) : new Implication(b, a, dag.names(z)));
            }
        }
        out.sort(Comparator.comparing(Implication::x).thenComparing(Implication::y));
        return out;
    }

    private static BitSet separator(CausalGraph g, int u, int v, BitSet observed) {
        BitSet bu = CausalGraph.of(u);
        BitSet bv = CausalGraph.of(v);
        BitSet pa = CausalGraph.of(g.parents(v));
        pa.clear(u);
        BitSet paObserved = (BitSet) pa.clone();
        paObserved.and(observed);
        if (paObserved.equals(pa) && g.dSeparated(bu, bv, pa)) {
            return pa;
        }
        BitSet z = g.ancestors(CausalGraph.of(u, v));
        z.and(observed);
        z.clear(u);
        z.clear(v);
        if (!g.dSeparated(bu, bv, z)) {
            return null;
        }
        int[] members = z.stream().toArray();
        for (int k = members.length - 1; k >= 0; k--) {
            int w = members[k];
            z.clear(w);
            if (!g.dSeparated(bu, bv, z)) {
                z.set(w);
            }
        }
        return z;
    }
}
