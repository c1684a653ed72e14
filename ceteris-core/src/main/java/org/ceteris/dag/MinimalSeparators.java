package org.ceteris.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * All minimal d-separators Z of X and Y with I ⊆ Z ⊆ R, listed with polynomial delay — the
 * output-sensitive enumeration of van der Zander, Liśkiewicz &amp; Textor (2019, AIJ 270, §4–5,
 * after Takata 2010). Minimal separators lie in An(X ∪ Y ∪ I) (their Lemma 3.7), where
 * d-separation equals vertex separation in the moral graph; I is removed from that graph so that
 * I-minimal separators become plain minimal ones.
 *
 * <p>Enumeration: a minimal separator is N(C) for the part C of the graph reachable from X, with
 * every member also adjacent to the part reachable from Y. The search keeps S ⊆ C (closed under
 * neighbours that may not be in Z) and T ⊆ Z, branches on one v ∈ N(S) \ T (v joins C, or v stays
 * in Z), and enters only feasible branches: T ⊆ N(D) where D is reachable from Y in the graph
 * without N(S) — which is exact, so every leaf is an output. Delay O(n (n + m)) per set.
 */
final class MinimalSeparators {

    private final BitSet[] adj;
    private final BitSet active;
    private final BitSet ys;
    private final BitSet allowed;
    private final List<BitSet> out = new ArrayList<>();
    private final int limit;

    private MinimalSeparators(BitSet[] adj, BitSet active, BitSet ys, BitSet allowed, int limit) {
        this.adj = adj;
        this.active = active;
        this.ys = ys;
        this.allowed = allowed;
        this.limit = limit;
    }

    /**
     * Minimal separators of {@code xs} and {@code ys} in {@code g} containing {@code required},
     * drawn from {@code allowed}; at most {@code limit} of them (none when no separator exists).
     */
    static List<BitSet> list(CausalGraph g, BitSet xs, BitSet ys, BitSet required, BitSet allowed, int limit) {
        BitSet keep = new BitSet();
        keep.or(xs);
        keep.or(ys);
        keep.or(required);
        BitSet anc = g.ancestors(keep);
        BitSet[] moral = g.moralGraph(anc);
        BitSet active = (BitSet) anc.clone();
        active.andNot(required);
        BitSet allow = (BitSet) allowed.clone();
        allow.and(active);
        allow.andNot(xs);
        allow.andNot(ys);
        MinimalSeparators m = new MinimalSeparators(moral, active, ys, allow, limit);
        BitSet s = m.close((BitSet) xs.clone());
        if (m.feasible(s, new BitSet())) {
            m.search(s, new BitSet());
        }
        List<BitSet> result = new ArrayList<>();
        for (BitSet z : m.out) {
            z.or(required);
            result.add(z);
        }
        return result;
    }

    /** One separator if any exists (the first the enumeration finds), else null. */
    static BitSet find(CausalGraph g, BitSet xs, BitSet ys, BitSet required, BitSet allowed) {
        List<BitSet> one = list(g, xs, ys, required, allowed, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    private void search(BitSet s, BitSet t) {
        if (out.size() >= limit) {
            return;
        }
        BitSet ns = neighbours(s);
        BitSet open = (BitSet) ns.clone();
        open.andNot(t);
        if (open.isEmpty()) {
            out.add(ns);
            return;
        }
        int v = open.nextSetBit(0);
        BitSet s2 = (BitSet) s.clone();
        s2.set(v);
        s2 = close(s2);
        if (feasible(s2, t)) {
            search(s2, t);
        }
        BitSet t2 = (BitSet) t.clone();
        t2.set(v);
        if (feasible(s, t2)) {
            search(s, t2);
        }
    }

    /** S grown by every neighbour that cannot be in a separator (not allowed), until none is left. */
    private BitSet close(BitSet s) {
        while (true) {
            BitSet n = neighbours(s);
            n.andNot(allowed);
            if (n.isEmpty()) {
                return s;
            }
            s.or(n);
        }
    }

    private boolean feasible(BitSet s, BitSet t) {
        if (s.intersects(ys)) {
            return false;
        }
        BitSet ns = neighbours(s);
        if (ns.intersects(ys)) {
            return false;
        }
        BitSet blocked = (BitSet) ns.clone();
        blocked.or(s);
        BitSet d = reach(ys, blocked);
        BitSet nd = neighbours(d);
        BitSet missing = (BitSet) t.clone();
        missing.andNot(nd);
        return missing.isEmpty();
    }

    private BitSet neighbours(BitSet s) {
        BitSet n = new BitSet();
        for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(v + 1)) {
            n.or(adj[v]);
        }
        n.and(active);
        n.andNot(s);
        return n;
    }

    private BitSet reach(BitSet from, BitSet blocked) {
        BitSet seen = (BitSet) from.clone();
        seen.and(active);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen.stream().forEach(queue::add);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            BitSet nb = (BitSet) adj[v].clone();
            nb.and(active);
            nb.andNot(blocked);
            nb.andNot(seen);
            for (int w = nb.nextSetBit(0); w >= 0; w = nb.nextSetBit(w + 1)) {
                seen.set(w);
                queue.add(w);
            }
        }
        return seen;
    }
}
