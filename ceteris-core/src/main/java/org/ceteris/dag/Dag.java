package org.ceteris.dag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * A causal diagram: named nodes with DAGitty roles (exposure, outcome, latent, adjusted), directed
 * edges and bidirected edges ({@code A <-> B}: a latent common cause of A and B). Immutable and
 * checked to be acyclic. Read with {@link #parse}, written with {@link #toDagitty}.
 *
 * <p>Algorithms run on an internal DAG in which each bidirected edge becomes a latent parent of
 * both ends; nodes keep their declaration order.
 */
public final class Dag {

    private final List<String> nodes;
    private final List<Edge> edges;
    private final Map<String, Set<Role>> roles;
    private final Map<String, Integer> index = new HashMap<>();
    private final CausalGraph graph;
    private final int[] topoRank;

    Dag(List<String> nodes, List<Edge> edges, Map<String, ? extends Set<Role>> roles) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        Map<String, Set<Role>> r = new LinkedHashMap<>();
        for (String n : this.nodes) {
            Set<Role> s = roles.get(n);
            r.put(n, Collections.unmodifiableSet(s == null || s.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(s)));
            index.put(n, index.size());
        }
        this.roles = Collections.unmodifiableMap(r);
        for (String n : this.nodes) {
            Set<Role> s = this.roles.get(n);
            if (s.contains(Role.EXPOSURE) && s.contains(Role.OUTCOME)) {
                throw new CeterisException("node '" + n + "' is marked both [exposure] and [outcome]; an effect needs two different nodes");
            }
        }
        int k = this.nodes.size();
        List<int[]> directed = new ArrayList<>();
        BitSet latent = new BitSet();
        for (String n : this.nodes) {
            if (this.roles.get(n).contains(Role.LATENT)) {
                latent.set(index.get(n));
            }
        }
        int extra = k;
        for (Edge e : this.edges) {
            int a = require(e.from());
            int b = require(e.to());
            if (e.bidirected()) {
                latent.set(extra);
                directed.add(new int[] {extra, a});
                directed.add(new int[] {extra, b});
                extra++;
            } else {
                directed.add(new int[] {a, b});
            }
        }
        this.graph = new CausalGraph(extra, directed, latent);
        this.topoRank = TopologicalOrder.rank(this.nodes, graph);
    }

    /** Reads DAGitty syntax; a syntax error names line and column, a cycle names its nodes. */
    public static Dag parse(String text) {
        return DagittyReader.read(text);
    }

    /** A diagram from nodes, edges and roles (nodes only mentioned in edges are added). */
    public static Dag of(Collection<String> nodes, Collection<Edge> edges, Map<String, ? extends Set<Role>> roles) {
        List<String> all = new ArrayList<>(nodes);
        for (Edge e : edges) {
            for (String n : List.of(e.from(), e.to())) {
                if (!all.contains(n)) {
                    all.add(n);
                }
            }
        }
        return new Dag(all, new ArrayList<>(new java.util.LinkedHashSet<>(edges)), roles);
    }

    /** The same diagram with other roles (e.g. a different exposure and outcome). */
    public Dag withRoles(Map<String, ? extends Set<Role>> newRoles) {
        return new Dag(nodes, edges, newRoles);
    }

    /** This diagram with {@code exposure} and {@code outcome} as its only exposure and outcome. */
    public Dag withEffect(String exposure, String outcome) {
        require(exposure);
        require(outcome);
        if (exposure.equals(outcome)) {
            throw new CeterisException("exposure and outcome are both '" + exposure + "'; give two different nodes");
        }
        Map<String, Set<Role>> r = new LinkedHashMap<>();
        for (String n : nodes) {
            EnumSet<Role> s = roles.get(n).isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.get(n));
            s.remove(Role.EXPOSURE);
            s.remove(Role.OUTCOME);
            if (n.equals(exposure)) {
                s.add(Role.EXPOSURE);
            }
            if (n.equals(outcome)) {
                s.add(Role.OUTCOME);
            }
            r.put(n, s);
        }
        return new Dag(nodes, edges, r);
    }

    public List<String> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public Set<Role> roles(String node) {
        return roles.get(requireName(node));
    }

    public List<String> withRole(Role role) {
        return nodes.stream().filter(n -> roles.get(n).contains(role)).toList();
    }

    public List<String> exposures() {
        return withRole(Role.EXPOSURE);
    }

    public List<String> outcomes() {
        return withRole(Role.OUTCOME);
    }

    /** Nodes not marked latent: the ones that can be measured, adjusted for and tested. */
    public List<String> observed() {
        return nodes.stream().filter(n -> !roles.get(n).contains(Role.LATENT)).toList();
    }

    public boolean contains(String node) {
        return index.containsKey(node);
    }

    /** The diagram in DAGitty syntax. */
    public String toDagitty() {
        return DagittyWriter.write(this);
    }

    /** True when every node of {@code x} is d-separated from every node of {@code y} given {@code given}. */
    public boolean dSeparated(Collection<String> x, Collection<String> y, Collection<String> given) {
        BitSet xs = bits(x);
        BitSet ys = bits(y);
        BitSet zs = bits(given);
        for (String n : x) {
            if (y.contains(n)) {
                throw new CeterisException("'" + n + "' is on both sides of the d-separation query");
            }
            if (given.contains(n)) {
                throw new CeterisException("'" + n + "' is both queried and given; give disjoint sets");
            }
        }
        for (String n : y) {
            if (given.contains(n)) {
                throw new CeterisException("'" + n + "' is both queried and given; give disjoint sets");
            }
        }
        return graph.dSeparated(xs, ys, zs);
    }

    /** The adjustment analysis of the effect of {@code exposure} on {@code outcome}. */
    public AdjustmentSets adjustmentSets(String exposure, String outcome, Effect effect) {
        return AdjustmentSets.of(withEffect(exposure, outcome), effect);
    }

    /**
     * For the observational estimators: the smallest minimal adjustment set for the total effect
     * (ties broken alphabetically), with the reason each other variable is left out. Empty
     * {@code covariates} with {@code identifiable == false} means no set of measured variables works.
     */
    public AdjustmentAdvice smallestMinimalAdjustmentSet(String exposure, String outcome) {
        return AdjustmentAdvice.of(withEffect(exposure, outcome));
    }

    /** The testable implications: one conditional independence per non-adjacent pair of measured nodes. */
    public List<Implication> implications() {
        return Implications.basis(this);
    }

    // --- package-private access for the algorithms

    CausalGraph graph() {
        return graph;
    }

    int index(String node) {
        return require(node);
    }

    String name(int i) {
        return nodes.get(i);
    }

    /** Position in a topological order (user nodes only). */
    int rank(int i) {
        return topoRank[i];
    }

    BitSet bits(Collection<String> names) {
        BitSet b = new BitSet();
        for (String n : names) {
            b.set(require(n));
        }
        return b;
    }

    List<String> names(BitSet set) {
        List<String> out = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0 && i < nodes.size(); i = set.nextSetBit(i + 1)) {
            out.add(nodes.get(i));
        }
        Collections.sort(out);
        return out;
    }

    private int require(String node) {
        Integer i = index.get(node);
        if (i == null) {
            throw new CeterisException("node '" + node + "' is not in the DAG; its nodes are " + listed());
        }
        return i;
    }

    private String requireName(String node) {
        require(node);
        return node;
    }

    private String listed() {
        List<String> shown = nodes.size() > 30 ? nodes.subList(0, 30) : nodes;
        return String.join(", ", shown) + (nodes.size() > 30 ? ", …" : "");
    }
}
