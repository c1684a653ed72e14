package org.ceteris.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ship decision inside a sequential result: ship the winner, keep running toward --n-max with days from the dates, stop a loser. */
class SequentialDecisionTest {

    @Test
    void aWinnerIsShipped() {
        SequentialResult r = SequentialAnalysis.analyze(SequentialAnalysisTest.spec(true, null, Direction.HIGHER),
                SequentialAnalysisTest.input(20, Map.of("control", 0.0, "B", 0.3)));
        assertEquals("ship", r.decision().recommendation());
        assertTrue(r.decision().reasons().get(0).startsWith("Variant B raised m by"), r.decision().reasons().toString());
        assertNull(r.decision().furtherUnits());
    }

    @Test
    void anOpenTestKeepsRunningWithUnitsAndDaysFromTheLookDates() {
        // 3 looks on 2026-03-01..03 with 200 units per arm each: 1,200 units in 3 days, 400 a day
        SequentialResult r = SequentialAnalysis.analyze(SequentialAnalysisTest.spec(false, 5_000L, Direction.HIGHER),
                SequentialAnalysisTest.input(3, Map.of("control", 0.0, "B", 0.0)));
        assertEquals("continue", r.decision().status());
        assertEquals("keep_running", r.decision().recommendation());
        assertEquals(3_800L, r.decision().furtherUnits());
        assertEquals(9.5, r.decision().furtherDays(), 1e-12);
        assertTrue(r.decision().reasons().contains("The test needs about 3,800 more units to reach the planned 5,000, about 10 more "
                + "days at the current traffic."), r.decision().reasons().toString());
    }

    @Test
    void aLoserIsNotShippedAndWithoutAPlanNothingIsPromised() {
        SequentialResult r = SequentialAnalysis.analyze(SequentialAnalysisTest.spec(false, null, Direction.HIGHER),
                SequentialAnalysisTest.input(20, Map.of("control", 0.0, "B", -0.4)));
        assertEquals("do_not_ship", r.decision().recommendation(), r.decision().toString());
        assertTrue(r.decision().reasons().get(0).contains("which is bad"));
        assertTrue(r.decision().reasons().stream().anyMatch(x -> x.startsWith("No planned number of units")));
    }

    @Test
    void daysNeedDates() {
        assertEquals(3L, SequentialDecision.days("2026-03-01", "2026-03-03"));
        assertEquals(1L, SequentialDecision.days("2026-03-01 10:00:00", "2026-03-01 23:00:00"));
        assertNull(SequentialDecision.days("1", "7"));
    }
}
