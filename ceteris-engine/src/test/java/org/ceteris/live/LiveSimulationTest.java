package org.ceteris.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulated loop: demoted arms get no traffic from the next day; calibration by seeded simulation. */
class LiveSimulationTest {

    static final double ALPHA = 0.05;

    static Map<String, Double> equalArms() {
        Map<String, Double> m = new LinkedHashMap<>();
        LiveSimulation.ARTWORK.keySet().forEach(a -> m.put(a, 0.10));
        return m;
    }

    @Test
    void aDemotedArmGetsNoNewExposuresFromTheDayAfterItsDemotion() {
        LiveSimulation.Run run = LiveSimulation.run(new LiveSimulation.Spec(LiveSimulation.ARTWORK, 21, 5000, 1, ALPHA));
        assertTrue(run.demoted().contains("bold_title") && run.demoted().contains("dark_moody"), run.demoted().toString());
        int checked = 0;
        for (LiveSimulation.Day d : run.days()) {
            for (String arm : d.demotedToday()) {
                assertTrue(d.exposed().get(arm) > 0, "the arm had traffic on its last day");
                for (LiveSimulation.Day later : run.days().subList(d.day(), run.days().size())) {
                    assertEquals(0L, later.exposed().get(arm), arm + " demoted on day " + d.day() + " exposed on day " + later.day());
                    assertEquals("demoted", later.status().get(arm));
                    checked++;
                }
            }
        }
        assertTrue(checked > 10, "demotions happened early enough to check later days: " + checked);
        assertTrue(run.playsLoop() > run.playsFixed(), "demoting worse arms gains plays: " + run.playsLoop() + " vs " + run.playsFixed());
        assertTrue(run.badExposuresLoop() < run.badExposuresFixed());
        assertEquals(run, LiveSimulation.run(new LiveSimulation.Spec(LiveSimulation.ARTWORK, 21, 5000, 1, ALPHA)), "seeded: the same run");
    }

    @Test
    void calibrationOnAFewRuns() {
        Calibration c = calibrate(12, 2026);
        assertTrue(c.anyDemotedUnderNull() <= ALPHA + 2 * Math.sqrt(ALPHA * (1 - ALPHA) / 12) + 1e-9, c.toString());
        assertTrue(c.bothBadDemoted() >= 0.9, c.toString());
    }

    @Test
    @Tag("slow")
    void calibrationOn500LiveRunsEach() {
        Calibration c = calibrate(500, 21);
        System.out.println("simulate-live calibration (500 runs each, 21 days, 5000 members/day): " + c);
        assertTrue(c.anyDemotedUnderNull() <= ALPHA + 2 * Math.sqrt(ALPHA * (1 - ALPHA) / 500), c.toString());
        assertTrue(c.bothBadDemoted() >= 0.9, c.toString());
    }

    /** Shares over {@code runs} seeded runs, and plays of the loop and of the fixed allocation summed. */
    record Calibration(int runs, double anyDemotedUnderNull, double bothBadDemoted, long playsLoop, long playsFixed,
                       long badLoop, long badFixed) {
    }

    static Calibration calibrate(int runs, long seed) {
        int nullDemoted = 0;
        int bothBad = 0;
        long loop = 0;
        long fixed = 0;
        long badLoop = 0;
        long badFixed = 0;
        for (int i = 0; i < runs; i++) {
            if (!LiveSimulation.run(new LiveSimulation.Spec(equalArms(), 21, 5000, seed * 100_003 + i, ALPHA)).demoted().isEmpty()) {
                nullDemoted++;
            }
            LiveSimulation.Run r = LiveSimulation.run(new LiveSimulation.Spec(LiveSimulation.ARTWORK, 21, 5000, seed * 100_019 + i, ALPHA));
            if (r.demoted().contains("bold_title") && r.demoted().contains("dark_moody")) {
                bothBad++;
            }
            loop += r.playsLoop();
            fixed += r.playsFixed();
            badLoop += r.badExposuresLoop();
            badFixed += r.badExposuresFixed();
        }
        return new Calibration(runs, nullDemoted / (double) runs, bothBad / (double) runs, loop, fixed, badLoop, badFixed);
    }
}
