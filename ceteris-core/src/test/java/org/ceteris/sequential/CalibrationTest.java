package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.sequential.SimulationResult.DesignResult;
import org.ceteris.sequential.SimulationSpec.Design;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bar of the sequential issue, by seeded simulation of normal data (sd 1): the sizes of the bar
 * (2,000 runs, a look after every 100 units up to 100,000) are tagged slow and run with
 * {@code mvn -B verify -Pall-tests}; smaller versions of the same checks run in the default suite.
 * "≤ α + 2 MCSE" uses each design's own Monte Carlo standard error.
 */
class CalibrationTest {

    static final double ALPHA = 0.05;

    static SimulationSpec spec(Map<String, Double> arms, long nMax, int looks, int sims, long seed,
                               SequentialTest.Method method, boolean demote, Design... designs) {
        return new SimulationSpec(arms, null, 1.0, nMax, looks, sims, seed, method, SequentialSpec.DEFAULT_TUNING, ALPHA,
                Direction.HIGHER, demote, designs.length == 0 ? null : EnumSet.of(designs[0], designs));
    }

    static Map<String, Double> arms(double... effects) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < effects.length; i++) {
            m.put(i == 0 ? "control" : String.valueOf((char) ('A' + i)), effects[i]);
        }
        return m;
    }

    static DesignResult design(SimulationResult r, Design d) {
        return r.designs().stream().filter(x -> x.design().equals(d.label())).findFirst().orElseThrow();
    }

    /** A/A: the sequential interval ever excludes 0 at most α + 2 MCSE of the time; peeking inflates it. */
    static void aaCheck(int sims, long nMax, int looks, SequentialTest.Method method) {
        SimulationResult r = SequentialSimulation.run(spec(arms(0, 0), nMax, looks, sims, 7, method, false));
        DesignResult seq = design(r, Design.SEQUENTIAL);
        DesignResult fixed = design(r, Design.FIXED);
        DesignResult peek = design(r, Design.FIXED_PEEKING);
        assertTrue(seq.falsePositiveRate() <= ALPHA + 2 * seq.falsePositiveMcse(), () -> "sequential " + seq);
        assertEquals(ALPHA, fixed.falsePositiveRate(), 3 * Math.sqrt(ALPHA * (1 - ALPHA) / sims), () -> "fixed " + fixed);
        assertTrue(peek.falsePositiveRate() > ALPHA + 4 * peek.falsePositiveMcse(), () -> "peeking " + peek);
        assertTrue(peek.falsePositiveRate() > 2 * seq.falsePositiveRate(), () -> "peeking " + peek + " vs " + seq);
    }

    /** Five equal arms with demotion: some arm is demoted at most α + 2 MCSE of the time. */
    static void equalArmsCheck(int sims, long nMax, int looks, SequentialTest.Method method) {
        SimulationResult r = SequentialSimulation.run(spec(arms(0, 0, 0, 0, 0), nMax, looks, sims, 11, method, true,
                Design.SEQUENTIAL));
        DesignResult seq = design(r, Design.SEQUENTIAL);
        assertTrue(seq.anyDemotionRate() <= ALPHA + 2 * seq.anyDemotionMcse(), () -> "five equal arms " + seq);
        assertTrue(seq.falsePositiveRate() <= ALPHA + 2 * seq.falsePositiveMcse(), () -> "five equal arms " + seq);
    }

    /** One arm (D) worse by 0.1 sd among five: demoted in at least 90% of runs. */
    static void worseArmCheck(int sims, long nMax, int looks, SequentialTest.Method method) {
        SimulationResult r = SequentialSimulation.run(spec(arms(0, 0, 0, -0.1, 0), nMax, looks, sims, 13, method, true,
                Design.SEQUENTIAL));
        DesignResult seq = design(r, Design.SEQUENTIAL);
        assertTrue(seq.demotionRate().get("D") >= 0.90, () -> "worse arm " + seq);
    }

    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void aaFast(SequentialTest.Method method) {
        aaCheck(1000, 20_000, 200, method);
    }

    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void equalArmsFast(SequentialTest.Method method) {
        equalArmsCheck(1000, 20_000, 200, method);
    }

    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void worseArmFast(SequentialTest.Method method) {
        worseArmCheck(500, 50_000, 100, method);
    }

    @Tag("slow")
    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void aaBar(SequentialTest.Method method) {
        aaCheck(2000, 100_000, 1000, method);
    }

    @Tag("slow")
    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void equalArmsBar(SequentialTest.Method method) {
        equalArmsCheck(2000, 100_000, 1000, method);
    }

    @Tag("slow")
    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void worseArmBar(SequentialTest.Method method) {
        worseArmCheck(2000, 100_000, 1000, method);
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        SimulationSpec s = spec(arms(0, 0.05, -0.05), 6000, 20, 200, 3, SequentialTest.Method.CS, true);
        SimulationResult a = SequentialSimulation.run(s);
        SimulationResult b = SequentialSimulation.run(s);
        assertEquals(a, b);
    }
}
