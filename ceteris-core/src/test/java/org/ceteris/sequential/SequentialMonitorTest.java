package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ceteris.CeterisException;
import org.ceteris.stats.CoMoments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SequentialMonitorTest {

    static SequentialMonitor.Settings settings(SequentialTest.Method method, Direction direction, boolean demote, String... arms) {
        return new SequentialMonitor.Settings(List.of(arms), arms[0], MetricKind.CUPED, method, 0.05, 5000, direction, demote);
    }

    /** Units of three arms: y = 0.7x + noise + effect, in 40 batches of random sizes. */
    static List<CoMoments[]> batches(long seed, double... effects) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<CoMoments[]> out = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            CoMoments[] batch = new CoMoments[effects.length];
            for (int a = 0; a < effects.length; a++) {
                CoMoments s = CoMoments.EMPTY;
                int n = 1 + rnd.nextInt(60);
                for (int i = 0; i < n; i++) {
                    double x = 20 + 5 * rnd.nextGaussian();
                    s = s.add(0.7 * x + 3 * rnd.nextGaussian() + effects[a], x);
                }
                batch[a] = s;
            }
            out.add(batch);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = SequentialTest.Method.class, names = {"CS", "MSPRT"})
    void splittingTheSameDataDifferentlyGivesTheSameLastLook(SequentialTest.Method method) {
        List<CoMoments[]> data = batches(1, 0, 0.3, -0.2);
        SequentialMonitor fine = SequentialMonitor.start(settings(method, Direction.HIGHER, false, "control", "B", "C"));
        for (CoMoments[] b : data) {
            fine = fine.update(b);
        }
        CoMoments[] all = new CoMoments[3];
        java.util.Arrays.fill(all, CoMoments.EMPTY);
        for (CoMoments[] b : data) {
            for (int a = 0; a < 3; a++) {
                all[a] = all[a].merge(b[a]);
            }
        }
        SequentialMonitor once = SequentialMonitor.start(settings(SequentialTest.Method.CS, Direction.HIGHER, false, "control", "B", "C"))
                .update(all);
        for (int a = 0; a < 3; a++) {
            assertEquals(once.stats(a).n(), fine.stats(a).n());
            assertEquals(once.stats(a).meanA(), fine.stats(a).meanA(), 1e-12);
            assertEquals(once.stats(a).cAB(), fine.stats(a).cAB(), 1e-9 * Math.abs(once.stats(a).cAB()));
        }
        if (method == SequentialTest.Method.CS) { // read afresh: only the cumulative data matter
            for (int a = 1; a < 3; a++) {
                assertEquals(once.againstControl(a).low(), fine.againstControl(a).low(), 1e-12);
                assertEquals(once.adjustedP(a), fine.adjustedP(a), 1e-12);
            }
        }
    }

    @Test
    void replaceWithRunningTotalsEqualsUpdateWithBatches() {
        List<CoMoments[]> data = batches(2, 0, 0.5, 0.1);
        SequentialMonitor byBatch = SequentialMonitor.start(settings(SequentialTest.Method.MSPRT, Direction.HIGHER, true, "control", "B", "C"));
        SequentialMonitor byTotal = byBatch;
        CoMoments[] total = {CoMoments.EMPTY, CoMoments.EMPTY, CoMoments.EMPTY};
        for (CoMoments[] b : data) {
            byBatch = byBatch.update(b);
            for (int a = 0; a < 3; a++) {
                total[a] = total[a].merge(b[a]);
            }
            byTotal = byTotal.replace(total.clone());
            for (int a = 1; a < 3; a++) {
                assertEquals(byBatch.againstControl(a), byTotal.againstControl(a));
                assertEquals(byBatch.status(a), byTotal.status(a));
            }
        }
        assertEquals(byBatch.demotions(), byTotal.demotions());
    }

    @Test
    void msprtNeverWidensItsIntervalNorRaisesItsPValue() {
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.MSPRT, Direction.HIGHER, false, "control", "B"));
        Reading before = null;
        for (CoMoments[] b : batches(3, 0, 0.05)) {
            m = m.update(b);
            Reading r = m.againstControl(1);
            if (before != null && r != null) {
                assertTrue(r.low() >= before.low() && r.high() <= before.high(), r + " after " + before);
                assertTrue(r.pValue() <= before.pValue());
            }
            before = r == null ? before : r;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"higher", "lower"})
    void theClearlyWorseArmIsDemotedAndTheBestWins(String way) {
        Direction direction = Direction.parse(way);
        double bad = direction == Direction.HIGHER ? -3 : 3;
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.CS, direction, true, "control", "B", "C"));
        for (CoMoments[] b : batches(4, 0, 0, bad)) {
            m = m.update(b);
        }
        assertEquals(SequentialMonitor.Status.DEMOTED, m.status(2));
        SequentialMonitor.Demotion d = m.demotions().get(0);
        assertEquals(2, d.arm());
        assertEquals(direction.sign(), d.reading().sign(), "the reading is of (better − demoted)");
        assertTrue(m.active(0) && m.active(1));
        assertEquals(-1, m.winner(), "control and B are equal: no winner");
    }

    @Test
    void withoutDemotionAWinnerMustBeatEveryArm() {
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.CS, Direction.HIGHER, false, "control", "B", "C"));
        int decided = 0;
        for (CoMoments[] b : batches(5, 0, 4, 0)) {
            m = m.update(b);
            if (m.winner() >= 0 && decided == 0) {
                decided = m.look();
            }
        }
        assertEquals(1, m.winner());
        assertEquals(decided, m.decidedAt());
        assertEquals(SequentialMonitor.Status.WINNER, m.status(1));
        assertEquals(SequentialMonitor.Status.ACTIVE, m.status(2), "nothing is demoted without demotion");
        assertTrue(m.demotions().isEmpty());
    }

    @Test
    void armsWithTooLittleDataAreNotRead() {
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.CS, Direction.HIGHER, true, "control", "B"));
        m = m.update(Map.of("control", CoMoments.EMPTY.add(1, 1).add(2, 3), "B", CoMoments.EMPTY.add(3, 1)));
        assertNull(m.againstControl(1));
        assertTrue(Double.isNaN(m.adjustedP(1)));
        m = m.update(Map.of("B", CoMoments.EMPTY.add(5, 1.5)));
        assertEquals(2, m.look());
        assertEquals(2, m.stats(1).n());
        assertTrue(m.againstControl(1) != null);
    }

    @Test
    void badSettingsAreOneLineErrors() {
        assertThrows(CeterisException.class, () -> new SequentialMonitor.Settings(List.of("control", "B"), "control",
                MetricKind.MEAN, SequentialTest.Method.CS, 0.05, 0, Direction.HIGHER, false), "tuning 0");
        assertThrows(CeterisException.class, () -> new SequentialMonitor.Settings(List.of("control", "B"), "control",
                MetricKind.MEAN, SequentialTest.Method.CS, 0.05, -5, Direction.HIGHER, false), "tuning < 0");
        assertThrows(CeterisException.class, () -> new SequentialMonitor.Settings(List.of("control"), "control",
                MetricKind.MEAN, SequentialTest.Method.CS, 0.05, 5000, Direction.HIGHER, false), "one arm");
        assertThrows(CeterisException.class, () -> new SequentialMonitor.Settings(List.of("control", "B"), "X",
                MetricKind.MEAN, SequentialTest.Method.CS, 0.05, 5000, Direction.HIGHER, false), "unknown control");
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.CS, Direction.HIGHER, true, "control", "B"));
        CeterisException e = assertThrows(CeterisException.class, () -> m.update(Map.of("Z", CoMoments.EMPTY.add(1, 1))));
        assertTrue(e.getMessage().contains("'Z'"), e.getMessage());
    }

    @Test
    void thompsonAllocationKeepsTheFloorAndFavoursTheBest() {
        SequentialMonitor m = SequentialMonitor.start(settings(SequentialTest.Method.CS, Direction.HIGHER, true, "control", "B", "C"));
        for (CoMoments[] b : batches(6, 0, 0.4, -3)) {
            m = m.update(b);
        }
        double[] share = m.allocation(42);
        assertArrayEquals(share, m.allocation(42), "seeded");
        assertEquals(1.0, share[0] + share[1] + share[2], 1e-12);
        assertEquals(0.0, share[2], "C is demoted");
        assertTrue(share[1] > share[0], java.util.Arrays.toString(share));
        assertTrue(share[0] >= ThompsonSampling.DEFAULT_FLOOR);
    }
}
