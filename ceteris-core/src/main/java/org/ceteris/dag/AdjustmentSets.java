package org.ceteris.dag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * What a diagram says about adjusting for the effect of its exposure(s) on its outcome(s).
 *
 * <p>Total effect: Z is an adjustment set iff Z ∩ Forb = ∅ with Forb = De(Cn) ∪ X, and Z
 * d-separates X and Y in the proper back-door graph (X → Cn edges removed), where Cn are the
 * nodes on proper causal paths (the generalised adjustment criterion: Shpitser, VanderWeele &amp;
 * Robins 2010; Perković et al. 2018, Def. 3.5; constructive form: van der Zander et al. 2019,
 * Thm. 3.3). Minimal sets are the minimal separators in that graph with I ⊆ Z ⊆ R
 * (I = [adjusted] nodes, R = measured nodes outside Forb ∪ X ∪ Y), listed by {@link MinimalSeparators}.
 *
 * <p>Direct effect (single exposure and outcome): Pearl's single-door criterion (Pearl 2009,
 * Thm. 5.3.1): Z has no descendant of Y and d-separates X and Y once the edge X → Y is removed —
 * so mediators are adjusted for. Front-door sets and instruments are listed for the total effect
 * of one exposure on one outcome. Cost O(n (n + m)) per listed set.
 *
 * @param truncated true when more than {@link #LIMIT} minimal sets exist and only the first were listed
 */
public record AdjustmentSets(
        List<String> exposures,
        List<String> outcomes,
        Effect effect,
        List<List<String>> minimalSets,
        List<List<String>> frontdoorSets,
        List<Instrument> instruments,
        List<String> mediators,
        List<String> forbidden,
        List<String> adjustedButForbidden,
        boolean causalPath,
        boolean truncated) {

    /** At most this many minimal sets are listed. */
    public static final int LIMIT = 100_000;

    public AdjustmentSets {
        exposures = List.copyOf(exposures);
        outcomes = List.copyOf(outcomes);
        minimalSets = minimalSets.stream().map(List::copyOf).toList();
        frontdoorSets = frontdoorSets.stream().map(List::copyOf).toList();
        instruments = List.copyOf(instruments);
        mediators = List.copyOf(mediators);
        forbidden = List.copyOf(forbidden);
        adjustedButForbidden = List.copyOf(adjustedButForbidden);
    }

    /** True when the effect can be estimated by adjustment or by the front-door formula. */
    public boolean identifiable() {
        return !minimalSets.isEmpty() || !frontdoorSets.isEmpty();
    }

    static AdjustmentSets of(Dag dag, Effect effect) {
        List<String> xNames = dag.exposures();
        List<String> yNames = dag.outcomes();
        if (xNames.isEmpty() || yNames.isEmpty()) {
            throw new org.ceteris.CeterisException("say which effect: give --exposure and --outcome, or mark nodes [exposure] and [outcome] in the DAG");
        }
        for (String n : xNames) {
            if (dag.roles(n).contains(Role.LATENT)) {
                throw new org.ceteris.CeterisException("the exposure '" + n + "' is marked [latent]; an unmeasured exposure has no estimable effect");
            }
        }
        for (String n : yNames) {
            if (dag.roles(n).contains(Role.LATENT)) {
                throw new org.ceteris.CeterisException("the outcome '" + n + "' is marked [latent]; an unmeasured outcome has no estimable effect");
            }
        }
        if (effect == Effect.DIRECT && (xNames.size() != 1 || yNames.size() != 1)) {
            throw new org.ceteris.CeterisException("the direct effect needs exactly one exposure and one outcome");
        }
        CausalGraph g = dag.graph();
        BitSet xs = dag.bits(xNames);
        BitSet ys = dag.bits(yNames);
        BitSet required = dag.bits(dag.withRole(Role.ADJUSTED));
        BitSet cn = causalNodes(g, xs, ys);
        boolean causalPath = cn.intersects(ys);
        BitSet forb;
        CausalGraph target;
        if (effect == Effect.TOTAL) {
            forb = g.descendants(cn);
            forb.or(xs);
            target = g.without((a, b) -> xs.get(a) && cn.get(b));
        } else {
            int x = xs.nextSetBit(0);
            int y = ys.nextSetBit(0);
            forb = g.descendants(ys);
            forb.or(xs);
            target = g.without((a, b) -> a == x && b == y);
        }
        BitSet allowed = g.observed();
        allowed.andNot(forb);
        allowed.andNot(xs);
        allowed.andNot(ys);
        BitSet badRequired = (BitSet) required.clone();
        badRequired.andNot(allowed);
        List<List<String>> sets = new ArrayList<>();
        boolean truncated = false;
        if (badRequired.isEmpty()) {
            List<BitSet> found = MinimalSeparators.list(target, xs, ys, required, allowed, LIMIT + 1);
            truncated = found.size() > LIMIT;
            for (BitSet z : found.subList(0, Math.min(found.size(), LIMIT))) {
                sets.add(dag.names(z));
            }
            sets.sort(SET_ORDER);
        }
        List<List<String>> frontdoor = List.of();
        List<Instrument> instruments = List.of();
        if (effect == Effect.TOTAL && xNames.size() == 1 && yNames.size() == 1 && causalPath) {
            frontdoor = FrontDoor.minimalSets(dag, xs.nextSetBit(0), ys.nextSetBit(0));
            instruments = Instruments.find(dag, xs.nextSetBit(0), ys.nextSetBit(0), target, forb);
        }
        BitSet med = (BitSet) cn.clone();
        med.andNot(ys);
        BitSet forbShown = (BitSet) forb.clone();
        forbShown.andNot(xs);
        forbShown.andNot(ys);
        return new AdjustmentSets(xNames, yNames, effect, sets, frontdoor, instruments, dag.names(med),
                dag.names(forbShown), dag.names(badRequired), causalPath, truncated);
    }

    /** Nodes other than X on proper causal paths from X to Y: De of X avoiding X, ∩ An of Y avoiding X. */
    static BitSet causalNodes(CausalGraph g, BitSet xs, BitSet ys) {
        BitSet de = g.without((a, b) -> xs.get(b)).descendants(xs);
        BitSet an = g.without((a, b) -> xs.get(a)).ancestors(ys);
        de.and(an);
        de.andNot(xs);
        return de;
    }

    /** Sets (each already sorted) in lexicographic order, a prefix before its extensions. */
    static final Comparator<List<String>> SET_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
