package org.ceteris.dag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Definitions checked by listing every simple path of the diagram (exponential; for tests only).
 * Works on the diagram as drawn: a bidirected edge has arrowheads at both ends.
 */
final class BruteForce {

    private final Dag dag;
    private final List<String> nodes;

    BruteForce(Dag dag) {
        this.dag = dag;
        this.nodes = dag.nodes();
    }

    /** Arrowhead at {@code at} on the edge between {@code at} and {@code other}; null when not adjacent. */
    private List<Boolean> heads(String at, String other) {
        List<Boolean> out = new ArrayList<>();
        for (Edge e : dag.edges()) {
            if (e.bidirected() && (e.from().equals(at) && e.to().equals(other) || e.to().equals(at) && e.from().equals(other))) {
                out.add(true);
            } else if (!e.bidirected() && e.from().equals(other) && e.to().equals(at)) {
                out.add(true);
            } else if (!e.bidirected() && e.from().equals(at) && e.to().equals(other)) {
                out.add(false);
            }
        }
        return out;
    }

    /** Every simple path from x to y as a list of nodes and, per step, the edge used (head at each end). */
    List<List<Step>> paths(String x, String y, boolean directedOnly) {
        return pathCache.computeIfAbsent(x + "\u0000" + y + "\u0000" + directedOnly, k -> listPaths(x, y, directedOnly));
    }

    private final java.util.Map<String, List<List<Step>>> pathCache = new java.util.HashMap<>();
    private final java.util.Map<String, Set<String>> descendantCache = new java.util.HashMap<>();

    private List<List<Step>> listPaths(String x, String y, boolean directedOnly) {
        List<List<Step>> out = new ArrayList<>();
        List<Step> cur = new ArrayList<>();
        Set<String> on = new HashSet<>();
        on.add(x);
        walk(x, y, cur, on, out, directedOnly);
        return out;
    }

    record Step(String from, String to, boolean headAtFrom, boolean headAtTo) {
    }

    private void walk(String v, String y, List<Step> cur, Set<String> on, List<List<Step>> out, boolean directedOnly) {
        if (v.equals(y)) {
            out.add(new ArrayList<>(cur));
            return;
        }
        for (String w : nodes) {
            if (on.contains(w)) {
                continue;
            }
            List<Boolean> hw = heads(w, v);
            List<Boolean> hv = heads(v, w);
            for (int k = 0; k < hw.size(); k++) {
                Step s = new Step(v, w, hv.get(k), hw.get(k));
                if (directedOnly && (s.headAtFrom || !s.headAtTo)) {
                    continue;
                }
                cur.add(s);
                on.add(w);
                walk(w, y, cur, on, out, directedOnly);
                on.remove(w);
                cur.remove(cur.size() - 1);
            }
        }
    }

    Set<String> descendants(String v) {
        return descendantCache.computeIfAbsent(v, this::listDescendants);
    }

    private Set<String> listDescendants(String v) {
        Set<String> seen = new HashSet<>(Set.of(v));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Edge e : dag.edges()) {
                if (!e.bidirected() && seen.contains(e.from()) && seen.add(e.to())) {
                    grew = true;
                }
            }
        }
        return seen;
    }

    boolean open(List<Step> path, Set<String> z) {
        for (int i = 0; i + 1 < path.size(); i++) {
            String w = path.get(i).to();
            boolean collider = path.get(i).headAtTo() && path.get(i + 1).headAtFrom();
            if (collider) {
                boolean anc = false;
                for (String d : descendants(w)) {
                    anc |= z.contains(d);
                }
                if (!anc) {
                    return false;
                }
            } else if (z.contains(w)) {
                return false;
            }
        }
        return true;
    }

    boolean dSeparated(String x, String y, Set<String> z) {
        for (List<Step> p : paths(x, y, false)) {
            if (open(p, z)) {
                return false;
            }
        }
        return true;
    }

    /** The generalised adjustment criterion for one exposure and one outcome, from its definition. */
    boolean adjustmentSet(String x, String y, Set<String> z) {
        Set<String> forb = new HashSet<>(Set.of(x));
        List<List<Step>> causal = paths(x, y, true);
        for (List<Step> p : causal) {
            for (Step s : p) {
                forb.addAll(descendants(s.to()));
            }
        }
        for (String n : z) {
            if (forb.contains(n)) {
                return false;
            }
        }
        for (List<Step> p : paths(x, y, false)) {
            boolean isCausal = p.stream().allMatch(s -> !s.headAtFrom() && s.headAtTo());
            if (!isCausal && open(p, z)) {
                return false;
            }
        }
        return true;
    }

    /** Pearl's single-door criterion for the direct effect of x on y. */
    boolean directEffectSet(String x, String y, Set<String> z) {
        Set<String> de = descendants(y);
        for (String n : z) {
            if (de.contains(n)) {
                return false;
            }
        }
        for (List<Step> p : paths(x, y, false)) {
            boolean theEdge = p.size() == 1 && !p.get(0).headAtFrom() && p.get(0).headAtTo();
            if (!theEdge && open(p, z)) {
                return false;
            }
        }
        return true;
    }

    /** All minimal sets among subsets of {@code allowed} satisfying {@code valid}, sorted. */
    static List<List<String>> minimal(List<String> allowed, java.util.function.Predicate<Set<String>> valid) {
        List<Set<String>> ok = new ArrayList<>();
        int k = allowed.size();
        for (int mask = 0; mask < (1 << k); mask++) {
            Set<String> z = new HashSet<>();
            for (int i = 0; i < k; i++) {
                if ((mask >> i & 1) == 1) {
                    z.add(allowed.get(i));
                }
            }
            if (valid.test(z)) {
                ok.add(z);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (Set<String> z : ok) {
            boolean minimal = true;
            for (Set<String> other : ok) {
                if (other.size() < z.size() && z.containsAll(other)) {
                    minimal = false;
                }
            }
            if (minimal) {
                List<String> l = new ArrayList<>(z);
                java.util.Collections.sort(l);
                out.add(l);
            }
        }
        out.sort(AdjustmentSets.SET_ORDER);
        return out;
    }
}
