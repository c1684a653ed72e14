package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ceteris.CeterisException;
import org.ceteris.stats.CoMoments;
import org.junit.jupiter.api.Test;

class SequentialAnalysisTest {

    static SequentialSpec spec(boolean demote, Long nMax, Direction direction) {
        return new SequentialSpec("variant", null, SequentialSpec.metric("m", null, null), "t", null,
                SequentialTest.Method.CS, 5000, 0.05, direction, demote, nMax);
    }

    /** {@code looks} days of 200 units per arm; arm effects in sd units. */
    static SequentialInput input(int looks, Map<String, Double> effects) {
        SplittableRandom rnd = new SplittableRandom(9);
        List<SequentialInput.Batch> batches = new ArrayList<>();
        for (int k = 1; k <= looks; k++) {
            Map<String, CoMoments> stats = new LinkedHashMap<>();
            for (var e : effects.entrySet()) {
                stats.put(e.getKey(), NormalBatches.batch(rnd, e.getValue(), 1, 200));
            }
            batches.add(new SequentialInput.Batch(k, String.format("2026-03-%02d", k), stats));
        }
        return new SequentialInput(List.copyOf(effects.keySet()).stream().sorted().toList(), batches, List.of(), 0, 0, 0);
    }

    @Test
    void demotionsCarryTheirLookTimeAndReasonAndTheWinnerItsLook() {
        SequentialResult r = SequentialAnalysis.analyze(spec(true, null, Direction.HIGHER),
                input(20, Map.of("control", 0.0, "B", 0.3, "C", -0.4)));
        assertEquals("winner", r.decision().status());
        assertEquals("B", r.decision().winner());
        int at = r.decision().look();
        assertEquals("winner", r.looks().get(at - 1).arms().get(1).status());
        assertEquals("active", r.looks().get(at - 2).arms().get(1).status());
        SequentialResult.Demotion c = r.decision().demoted().stream().filter(d -> d.variant().equals("C")).findFirst().orElseThrow();
        assertEquals(String.format("2026-03-%02d", c.look()), c.time());
        assertTrue(c.reason().startsWith("C was proven worse than") && c.reason().contains("above 0"), c.reason());
        assertEquals("demoted", r.looks().get(r.looks().size() - 1).arms().get(2).status());
        assertNull(r.looks().get(0).arms().get(0).pValue(), "control's own row");
    }

    @Test
    void lowerIsBetterDemotesTheArmThatRaisesTheMetric() {
        SequentialResult r = SequentialAnalysis.analyze(spec(true, null, Direction.LOWER),
                input(20, Map.of("control", 0.0, "B", 0.0, "C", 0.5)));
        assertTrue(r.decision().demoted().stream().anyMatch(d -> d.variant().equals("C") && d.reason().contains("below 0")),
                r.decision().toString());
    }

    @Test
    void reachingNMaxWithoutAWinnerIsNoDifferenceAndLaterLooksAreNotTaken() {
        SequentialResult r = SequentialAnalysis.analyze(spec(false, 2400L, Direction.HIGHER),
                input(10, Map.of("control", 0.0, "B", 0.0)));
        assertEquals("no_difference", r.decision().status());
        assertEquals(6, r.looks().size(), "6 looks × 400 units reach 2,400");
        assertEquals(6, r.decision().look());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("BEYOND_N_MAX")));
        SequentialResult open = SequentialAnalysis.analyze(spec(false, null, Direction.HIGHER), input(10, Map.of("control", 0.0, "B", 0.0)));
        assertEquals("continue", open.decision().status());
        assertTrue(open.summary().contains("keep the test running"), open.summary());
    }

    @Test
    void aControlWithoutDataOrASingleArmIsAnError() {
        Map<String, CoMoments> onlyB = Map.of("B", NormalBatches.batch(new SplittableRandom(1), 0, 1, 50));
        SequentialInput noControl = new SequentialInput(List.of("B", "control"),
                List.of(new SequentialInput.Batch(1, "2026-03-01", onlyB)), List.of(), 0, 0, 0);
        CeterisException e = assertThrows(CeterisException.class, () -> SequentialAnalysis.analyze(spec(false, null, null), noControl));
        assertTrue(e.getMessage().contains("control 'control' has 0 unit(s)"), e.getMessage());
        SequentialInput single = new SequentialInput(List.of("B"), List.of(new SequentialInput.Batch(1, "x", onlyB)), List.of(), 0, 0, 0);
        assertThrows(CeterisException.class, () -> SequentialAnalysis.analyze(spec(false, null, null), single));
    }

    @Test
    void specErrorsNameTheirFlag() {
        assertTrue(assertThrows(CeterisException.class, () -> new SequentialSpec("v", null, SequentialSpec.metric("m", null, null), "t",
                null, SequentialTest.Method.CS, 0, 0.05, null, false, null)).getMessage().contains("--tuning"));
        assertTrue(assertThrows(CeterisException.class, () -> SequentialSpec.metric("m", "a/b", null)).getMessage().contains("exactly one"));
        assertTrue(assertThrows(CeterisException.class, () -> SequentialSpec.metric(null, "ab", null)).getMessage().contains("--ratio"));
        assertTrue(assertThrows(CeterisException.class, () -> SequentialSpec.schedule(0, null, null)).getMessage().contains("--looks"));
        assertTrue(assertThrows(CeterisException.class, () -> SequentialSpec.schedule(null, -1.0, null)).getMessage().contains("--every"));
        assertEquals("mps", ((org.ceteris.experiment.MetricSpec.Ratio) SequentialSpec.metric(null, "mps=minutes/sessions", null)).name());
    }

    @Test
    void batchesOfNormalUnitsHaveTheRightMoments() {
        SplittableRandom rnd = new SplittableRandom(3);
        double sumMean = 0;
        double sumSq = 0;
        double sumM2 = 0;
        int reps = 20_000;
        for (int i = 0; i < reps; i++) {
            CoMoments b = NormalBatches.batch(rnd, 2.0, 3.0, 9);
            sumMean += b.meanA();
            sumSq += (b.meanA() - 2) * (b.meanA() - 2);
            sumM2 += b.m2A();
        }
        assertEquals(2.0, sumMean / reps, 0.02);
        assertEquals(1.0, sumSq / reps, 0.03, "Var(mean) = σ²/m = 1");
        assertEquals(72.0, sumM2 / reps, 0.6, "E[M2] = σ²(m − 1)");
        double sumGamma = 0;
        for (int i = 0; i < reps; i++) {
            sumGamma += NormalBatches.gamma(rnd, 0.5); // the shape of a batch of 2: the U^(1/a) boost
        }
        assertEquals(0.5, sumGamma / reps, 0.02, "E[Gamma(0.5)] = 0.5");
    }

    /**
     * The p-value shown is the running minimum (Johari et al.'s always-valid p) and the interval the
     * running intersection, so neither goes back between looks; this look's own values are kept. Under
     * no effect the per-look p-value wanders up and down, which is what the running versions hide.
     */
    @Test
    void shownPValuesNeverRiseAndIntervalsNeverWidenWhileEachLooksOwnIsKept() {
        for (SequentialTest.Method method : List.of(SequentialTest.Method.CS, SequentialTest.Method.MSPRT)) {
            SequentialSpec spec = new SequentialSpec("variant", null, SequentialSpec.metric("m", null, null), "t", null,
                    method, 5000, 0.05, Direction.HIGHER, false, null);
            SequentialResult r = SequentialAnalysis.analyze(spec, input(30, Map.of("control", 0.0, "B", 0.02, "C", 0.0)));
            boolean perLookRose = false;
            for (int arm = 1; arm <= 2; arm++) {
                SequentialResult.Arm previous = null;
                for (SequentialResult.Look look : r.looks()) {
                    SequentialResult.Arm a = look.arms().get(arm);
                    if (a.pValue() == null) {
                        continue;
                    }
                    assertTrue(a.pValue() <= a.pValueLook() + 1e-15, method + " " + a);
                    assertTrue(a.ciLow() >= a.ciLowLook() - 1e-15 && a.ciHigh() <= a.ciHighLook() + 1e-15, method + " " + a);
                    if (previous != null) {
                        assertTrue(a.pValue() <= previous.pValue(), method + ": p rose at look " + look.look());
                        assertTrue(a.ciLow() >= previous.ciLow() && a.ciHigh() <= previous.ciHigh(), method + ": widened at look " + look.look());
                        perLookRose |= a.pValueLook() > previous.pValueLook() + 1e-9;
                        double lo = Math.max(previous.ciLow(), a.ciLowLook());
                        double hi = Math.min(previous.ciHigh(), a.ciHighLook());
                        assertEquals(lo, a.ciLow(), 1e-12, "the running interval is the intersection of the looks' intervals");
                        assertEquals(hi, a.ciHigh(), 1e-12);
                        assertEquals(Math.min(previous.pValue(), a.pValueLook()), a.pValue(), 1e-15);
                    }
                    previous = a;
                }
            }
            if (method == SequentialTest.Method.CS) {
                assertTrue(perLookRose, "the per-look p-values of the confidence sequence go up and down; the test needs a case where they do");
            }
        }
    }
}
