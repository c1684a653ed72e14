package org.ceteris.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The directed acyclic graph the algorithms work on: nodes are integers, every bidirected edge
 * {@code A <-> B} of the diagram is replaced by an explicit latent parent {@code A <- L -> B}, and
 * node sets are {@link BitSet}s. Immutable. Traversals cost O(n + m).
 */
final class CausalGraph {

    private final int n;
    private final int[][] parents;
    private final int[][] children;
    private final BitSet latent;

    CausalGraph(int n, List<int[]> edges, BitSet latent) {
        this.n = n;
        this.latent = (BitSet) latent.clone();
        List<List<Integer>> pa = new ArrayList<>();
        List<List<Integer>> ch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pa.add(new ArrayList<>());
            ch.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            if (!ch.get(e[0]).contains(e[1])) {
                ch.get(e[0]).add(e[1]);
                pa.get(e[1]).add(e[0]);
            }
        }
        parents = new int[n][];
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = pa.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
            children[i] = ch.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    int size() {
        return n;
    }

    int[] parents(int v) {
        return parents[v];
    }

    int[] children(int v) {
        return children[v];
    }

    boolean isLatent(int v) {
        return latent.get(v);
    }

    BitSet latent() {
        return (BitSet) latent.clone();
    }

    BitSet observed() {
        BitSet o = new BitSet();
        o.set(0, n);
        o.andNot(latent);
        return o;
    }

    List<int[]> edges() {
        List<int[]> out = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            for (int c : children[v]) {
                out.add(new int[] {v, c});
            }
        }
        return out;
    }

    /** The same nodes without the edges {@code from -> to} for which {@code drop} holds. */
    CausalGraph without(BiPredicate<Integer, Integer> drop) {
        List<int[]> kept = new ArrayList<>();
        for (int[] e : edges()) {
            if (!drop.test(e[0], e[1])) {
                kept.add(e);
            }
        }
        return new CausalGraph(n, kept, latent);
    }

    /** The nodes of {@code set} and all their ancestors. */
    BitSet ancestors(BitSet set) {
        return closure(set, parents);
    }

    /** The nodes of {@code set} and all their descendants. */
    BitSet descendants(BitSet set) {
        return closure(set, children);
    }

    private BitSet closure(BitSet set, int[][] next) {
        BitSet seen = (BitSet) set.clone();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        set.stream().forEach(queue::add);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : next[v]) {
                if (!seen.get(w)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    /**
     * The nodes d-connected to {@code from} given {@code given} (Bayes-ball, Shachter 1998; the
     * "Reachable" procedure of Koller &amp; Friedman 2009, Alg. 3.1). O(n + m).
     */
    BitSet reachable(BitSet from, BitSet given) {
        BitSet anGiven = ancestors(given);
        boolean[][] visited = new boolean[n][2]; // 0: arrived from a child (going up), 1: from a parent
        BitSet reached = new BitSet();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        from.stream().forEach(x -> queue.add(new int[] {x, 0}));
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int v = s[0];
            int dir = s[1];
            if (visited[v][dir]) {
                continue;
            }
            visited[v][dir] = true;
            boolean observedHere = given.get(v);
            if (!observedHere) {
                reached.set(v);
            }
            if (dir == 0 && !observedHere) {
                for (int p : parents[v]) {
                    queue.add(new int[] {p, 0});
                }
                for (int c : children[v]) {
                    queue.add(new int[] {c, 1});
                }
            } else if (dir == 1) {
                if (!observedHere) {
                    for (int c : children[v]) {
                        queue.add(new int[] {c, 1});
                    }
                }
                if (anGiven.get(v)) {
                    for (int p : parents[v]) {
                        queue.add(new int[] {p, 0});
                    }
                }
            }
        }
        return reached;
    }

    /** True when every node of {@code xs} is d-separated from every node of {@code ys} given {@code zs}. */
    boolean dSeparated(BitSet xs, BitSet ys, BitSet zs) {
        if (xs.intersects(ys)) {
            return false;
        }
        return !reachable(xs, zs).intersects(ys);
    }

    /**
     * The moral graph of the subgraph induced by {@code keep}: parents of a common child are
     * joined and directions dropped (Lauritzen et al. 1990). Adjacency as bit sets.
     */
    BitSet[] moralGraph(BitSet keep) {
        BitSet[] adj = new BitSet[n];
        for (int i = 0; i < n; i++) {
            adj[i] = new BitSet();
        }
        for (int v = keep.nextSetBit(0); v >= 0; v = keep.nextSetBit(v + 1)) {
            List<Integer> pa = new ArrayList<>();
            for (int p : parents[v]) {
                if (keep.get(p)) {
                    pa.add(p);
                    adj[v].set(p);
                    adj[p].set(v);
                }
            }
            for (int i = 0; i < pa.size(); i++) {
                for (int j = i + 1; j < pa.size(); j++) {
                    adj[pa.get(i)].set(pa.get(j));
                    adj[pa.get(j)].set(pa.get(i));
                }
            }
        }
        return adj;
    }

    /** True when {@code a} and {@code b} are joined by an edge in either direction. */
    boolean adjacent(int a, int b) {
        for (int c : children[a]) {
            if (c == b) {
                return true;
            }
        }
        for (int c : children[b]) {
            if (c == a) {
                return true;
            }
        }
        return false;
    }

    static BitSet of(int... vs) {
        BitSet b = new BitSet();
        for (int v : vs) {
            b.set(v);
        }
        return b;
    }
}
