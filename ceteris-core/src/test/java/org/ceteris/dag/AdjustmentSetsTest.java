package org.ceteris.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Minimal adjustment sets against a brute-force subset checker and the textbook cases of REFERENCES.md §7. */
class AdjustmentSetsTest {

    private static List<List<String>> sets(String dag) {
        return Dag.parse(dag).adjustmentSets(exposure(dag), outcome(dag), Effect.TOTAL).minimalSets();
    }

    private static String exposure(String text) {
        return Dag.parse(text).exposures().get(0);
    }

    private static String outcome(String text) {
        return Dag.parse(text).outcomes().get(0);
    }

    @Test
    void confoundingTriangle() {
        assertEquals(List.of(List.of("Z")), sets("dag { Z -> X; Z -> Y; X -> Y; X [exposure]; Y [outcome] }"));
    }

    @Test
    void mBias() {
        Dag d = Dag.parse("dag { A -> X; A -> M; B -> M; B -> Y; X -> Y; X [exposure]; Y [outcome] }");
        assertEquals(List.of(List.of()), d.adjustmentSets("X", "Y", Effect.TOTAL).minimalSets());
        BruteForce b = new BruteForce(d);
        assertTrue(b.adjustmentSet("X", "Y", Set.of()));
        assertFalse(b.adjustmentSet("X", "Y", Set.of("M")));
        assertTrue(d.dSeparated(List.of("A"), List.of("B"), List.of()));
    }

    @Test
    void frontDoor() {
        Dag d = Dag.parse("dag { U [latent]; U -> S; U -> C; S -> T -> C; S [exposure]; C [outcome] }");
        AdjustmentSets a = d.adjustmentSets("S", "C", Effect.TOTAL);
        assertEquals(List.of(), a.minimalSets());
        assertEquals(List.of(List.of("T")), a.frontdoorSets());
        assertTrue(a.identifiable());
    }

    @Test
    void pearlFigure34() {
        String fig = "dag { X1 -> X3; X1 -> X4; X2 -> X4; X2 -> X5; X3 -> X; X4 -> X; X4 -> Y; X5 -> Y; X -> X6 -> Y;"
                + " X [exposure]; Y [outcome] }";
        assertEquals(List.of(List.of("X1", "X4"), List.of("X2", "X4"), List.of("X3", "X4"), List.of("X4", "X5")), sets(fig));
    }

    @Test
    void instruments() {
        AdjustmentSets a = Dag.parse("dag { Z -> X -> Y; X <-> Y }").adjustmentSets("X", "Y", Effect.TOTAL);
        assertEquals(List.of(), a.minimalSets());
        assertEquals(List.of(new Instrument("Z", List.of())), a.instruments());
        AdjustmentSets c = Dag.parse("dag { W -> Z -> X -> Y; W -> Y; X <-> Y }").adjustmentSets("X", "Y", Effect.TOTAL);
        assertEquals(List.of(new Instrument("W", List.of()), new Instrument("Z", List.of("W"))).get(1),
                c.instruments().stream().filter(i -> i.instrument().equals("Z")).findFirst().orElseThrow());
        assertTrue(c.instruments().stream().noneMatch(i -> i.instrument().equals("W") && i.given().isEmpty()));
    }

    @Test
    void directEffectAdjustsForTheMediator() {
        Dag d = Dag.parse("dag { X -> M -> Y; X -> Y; C -> X; C -> Y }");
        assertEquals(List.of(List.of("C")), d.adjustmentSets("X", "Y", Effect.TOTAL).minimalSets());
        assertEquals(List.of(List.of("C", "M")), d.adjustmentSets("X", "Y", Effect.DIRECT).minimalSets());
        Dag confounded = Dag.parse("dag { X -> M -> Y; X -> Y; M <-> Y }");
        assertEquals(List.of(), confounded.adjustmentSets("X", "Y", Effect.DIRECT).minimalSets());
        assertEquals(List.of(List.of()), confounded.adjustmentSets("X", "Y", Effect.TOTAL).minimalSets());
    }

    @Test
    void minimalSetsAgreeWithBruteForceOnRandomDagsWithLatents() {
        Random rnd = new Random(7);
        int identifiable = 0;
        int nonTrivial = 0;
        for (int g = 0; g < 300; g++) {
            int n = 3 + rnd.nextInt(7); // 3..9 nodes
            Dag dag = RandomDags.generate(rnd, n, 0.35, 0.06, 0.2);
            List<String> observed = dag.observed();
            if (observed.size() < 2) {
                continue;
            }
            List<String> pick = new ArrayList<>(observed);
            java.util.Collections.shuffle(pick, rnd);
            String x = pick.get(0);
            String y = pick.get(1);
            List<String> allowed = observed.stream().filter(s -> !s.equals(x) && !s.equals(y)).toList();
            BruteForce brute = new BruteForce(dag);
            for (Effect effect : Effect.values()) {
                List<List<String>> expected = BruteForce.minimal(allowed, z -> effect == Effect.TOTAL
                        ? brute.adjustmentSet(x, y, z) : brute.directEffectSet(x, y, z));
                List<List<String>> actual = dag.adjustmentSets(x, y, effect).minimalSets();
                assertEquals(expected, actual, () -> effect + " effect of " + x + " on " + y + " in\n" + dag.toDagitty());
                if (effect == Effect.TOTAL && !expected.isEmpty()) {
                    identifiable++;
                    nonTrivial += expected.size() > 1 || !expected.get(0).isEmpty() ? 1 : 0;
                }
            }
        }
        assertTrue(identifiable > 50 && nonTrivial > 30, identifiable + " identifiable, " + nonTrivial + " non-trivial");
    }

    @Test
    void smallestSetWithReasons() {
        Dag d = Dag.parse("dag { A -> X; A -> M; B -> M; B -> Y; X -> Y; C -> X; C -> D -> Y; X -> Med -> Y }");
        AdjustmentAdvice advice = d.smallestMinimalAdjustmentSet("X", "Y");
        assertEquals(List.of("C"), advice.covariates());
        assertTrue(advice.identifiable());
        assertTrue(advice.reasons().get("Med").contains("mediator"), advice.reasons().toString());
        assertTrue(advice.reasons().get("C").startsWith("adjusted"), advice.reasons().toString());
        assertEquals(List.of(List.of("C"), List.of("D")), advice.alternatives());
    }

    @Test
    void instrumentsAgreeWithBruteForceOnRandomDags() {
        Random rnd = new Random(17);
        int found = 0;
        int conditional = 0;
        for (int g = 0; g < 1000; g++) {
            Dag dag = RandomDags.generate(rnd, 4 + rnd.nextInt(5), 0.35, 0.12, 0.1);
            List<String> observed = dag.observed();
            if (observed.size() < 3) {
                continue;
            }
            List<String> pick = new ArrayList<>(observed);
            java.util.Collections.shuffle(pick, rnd);
            String x = pick.get(0);
            String y = pick.get(1);
            BruteForce b = new BruteForce(dag);
            if (b.paths(x, y, true).isEmpty()) {
                continue; // instruments are listed for an effect that exists
            }
            // the proper back-door graph and Forb, from their definitions
            java.util.Set<String> onCausal = new java.util.HashSet<>();
            for (List<BruteForce.Step> p : b.paths(x, y, true)) {
                p.forEach(s -> onCausal.add(s.to()));
            }
            java.util.Set<String> forb = new java.util.HashSet<>(List.of(x));
            onCausal.forEach(c -> forb.addAll(b.descendants(c)));
            forb.addAll(b.descendants(x)); // instruments and their conditioning sets are pre-exposure
            List<Edge> cut = dag.edges().stream().filter(e -> e.bidirected() || !(e.from().equals(x) && onCausal.contains(e.to()))).toList();
            java.util.Map<String, Set<Role>> roles = new java.util.HashMap<>();
            dag.nodes().forEach(n -> roles.put(n, dag.roles(n)));
            BruteForce bc = new BruteForce(Dag.of(dag.nodes(), cut, roles));
            java.util.Map<String, Instrument> actual = new java.util.HashMap<>();
            dag.adjustmentSets(x, y, Effect.TOTAL).instruments().forEach(i -> actual.put(i.instrument(), i));
            for (String z : observed) {
                if (z.equals(x) || z.equals(y) || forb.contains(z)) {
                    assertTrue(!actual.containsKey(z), z + " may not be an instrument in\n" + dag.toDagitty());
                    continue;
                }
                // W is searched among the ancestors of {Y, Z} in the proper back-door graph (the
                // nearest-separator construction); a W that needs a non-ancestral collider is not sought
                List<String> allowed = observed.stream().filter(s -> !s.equals(x) && !s.equals(y) && !s.equals(z) && !forb.contains(s)
                        && (bc.descendants(s).contains(y) || bc.descendants(s).contains(z))).toList();
                boolean exists = !BruteForce.minimal(allowed, w -> bc.dSeparated(z, y, w) && !b.dSeparated(z, x, w)).isEmpty();
                assertEquals(exists, actual.containsKey(z), () -> "instrument " + z + " for " + x + " -> " + y + " in\n" + dag.toDagitty());
                if (exists) {
                    Set<String> w = new java.util.HashSet<>(actual.get(z).given());
                    assertTrue(bc.dSeparated(z, y, w) && !b.dSeparated(z, x, w), "given " + w + " for " + z + " in\n" + dag.toDagitty());
                    found++;
                    conditional += w.isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(found > 40 && conditional > 10, found + " instruments, " + conditional + " conditional");
    }

    @Test
    void frontDoorSetsAgreeWithBruteForceOnRandomDags() {
        Random rnd = new Random(23);
        int found = 0;
        for (int g = 0; g < 1200; g++) {
            Dag dag = RandomDags.generate(rnd, 4 + rnd.nextInt(5), 0.3, 0.15, 0.15);
            List<String> observed = dag.observed();
            List<String> pick = new ArrayList<>(observed);
            java.util.Collections.shuffle(pick, rnd);
            if (pick.size() < 3) {
                continue;
            }
            String x = pick.get(0);
            String y = pick.get(1);
            BruteForce b = new BruteForce(dag);
            if (b.paths(x, y, true).isEmpty()) {
                continue;
            }
            List<String> candidates = observed.stream().filter(s -> !s.equals(x) && !s.equals(y)).toList();
            List<List<String>> expected = BruteForce.minimal(candidates, m -> !m.isEmpty() && frontDoor(dag, b, x, y, m));
            assertEquals(expected, dag.adjustmentSets(x, y, Effect.TOTAL).frontdoorSets(), () -> x + " -> " + y + " in\n" + dag.toDagitty());
            found += expected.size();
        }
        assertTrue(found >= 25, found + " front-door sets: too few for the comparison to mean much");
    }

    /** Pearl's front-door conditions from paths: (i) every causal path meets M; (ii) no open back-door path X..m; (iii) X blocks M's back-door paths to Y. */
    private static boolean frontDoor(Dag dag, BruteForce b, String x, String y, Set<String> m) {
        for (List<BruteForce.Step> p : b.paths(x, y, true)) {
            if (p.stream().noneMatch(s -> m.contains(s.to()))) {
                return false;
            }
        }
        for (String v : m) {
            for (List<BruteForce.Step> p : b.paths(x, v, false)) {
                if (p.get(0).headAtFrom() && b.open(p, Set.of())) {
                    return false;
                }
            }
            for (List<BruteForce.Step> p : b.paths(v, y, false)) {
                boolean throughM = p.stream().limit(p.size() - 1).anyMatch(s -> m.contains(s.to()));
                if (p.get(0).headAtFrom() && !throughM && b.open(p, Set.of(x))) {
                    return false;
                }
            }
        }
        return true;
    }
}
