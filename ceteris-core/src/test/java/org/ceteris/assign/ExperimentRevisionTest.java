package org.ceteris.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.junit.jupiter.api.Test;

/** Explicit ranges, and the revisions a demotion or a shipped winner writes. */
class ExperimentRevisionTest {

    private static ExperimentConfig artwork() {
        return new ExperimentConfig("artwork", List.of("control", "a", "b", "c"), List.of(0.4, 0.2, 0.2, 0.2), 0.5,
                null, 2, null, null, Map.of());
    }

    @Test
    void aDemotionEmptiesTheArmsRangeAndLeavesEveryOtherRangeAsItWas() {
        ExperimentConfig e = artwork();
        double[][] before = e.bucketRanges();
        ExperimentConfig next = e.without(Set.of("b"));
        double[][] after = next.bucketRanges();
        for (int i = 0; i < 4; i++) {
            if (i == 2) {
                assertEquals(after[i][0], after[i][1], "the demoted arm's range is empty");
                assertFalse(next.isLive(i));
            } else {
                assertArrayEquals(before[i], after[i], 0.0, "variation " + i + " keeps its range");
                assertTrue(next.isLive(i));
            }
        }
        // the same demotion again changes nothing
        assertEquals(next, next.without(Set.of("b")));
    }

    @Test
    void theAssignerFollowsExplicitRanges() {
        ExperimentConfig e = artwork();
        Assigner before = new Assigner(new AssignConfig(List.of(), List.of(e)));
        Assigner after = new Assigner(new AssignConfig(List.of(), List.of(e.without(Set.of("a")))));
        int moved = 0;
        int out = 0;
        for (int u = 0; u < 20_000; u++) {
            String unit = "m" + u;
            int v0 = before.variationIndex(0, unit, null);
            int v1 = after.variationIndex(0, unit, null);
            if (v0 == 1) {
                assertEquals(-1, v1, "a unit of the demoted arm leaves the experiment");
                out++;
            } else if (v0 != v1) {
                moved++;
            }
        }
        assertEquals(0, moved, "no unit of a surviving arm changes variation");
        assertTrue(out > 1500, "the demoted arm had units: " + out);
    }

    @Test
    void shippingGivesTheWinnerEveryBucketAndKeepsItsUnits() {
        ExperimentConfig shipped = artwork().without(Set.of("b")).shipping("c");
        Assigner a = new Assigner(new AssignConfig(List.of(), List.of(shipped)));
        for (int u = 0; u < 2000; u++) {
            assertEquals(3, a.variationIndex(0, "m" + u, null));
        }
    }

    @Test
    void rangesAreChecked() {
        ExperimentConfig e = artwork();
        CeterisException overlap = assertThrows(CeterisException.class, () -> new ExperimentConfig("x", List.of("a", "b"), null, 1,
                null, 2, null, null, Map.of(), List.of(List.of(0.0, 0.6), List.of(0.5, 1.0))));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
        assertThrows(CeterisException.class, () -> new ExperimentConfig("x", List.of("a", "b"), null, 1,
                null, 2, null, null, Map.of(), List.of(List.of(0.0, 0.5))));
        assertThrows(CeterisException.class, () -> new ExperimentConfig("x", List.of("a", "b"), null, 1,
                null, 2, null, null, Map.of(), List.of(List.of(0.6, 0.5), List.of(0.0, 0.1))));
        assertThrows(CeterisException.class, () -> e.shipping("nope"));
    }
}
