package org.ceteris.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.dag.DagAdjustResult;
import org.junit.jupiter.api.Test;

/** The adjustment analysis as a registered study method (reads no data). */
class DagStudyTest {

    @Test
    void runsFromParams() {
        StudyMethod m = StudyMethods.get("dag_adjust");
        DagAdjustResult r = (DagAdjustResult) m.run(null, null, new Params("study referral",
                Map.of("dag", "dag { Z -> X; Z -> Y; X -> Y }", "exposure", "X", "outcome", "Y")));
        assertEquals(List.of(List.of("Z")), r.minimalSets());
        assertEquals("total", r.effect());
        assertTrue(r.summary().contains("Z"));
    }

    @Test
    void unknownParameterIsNamed() {
        CeterisException e = assertThrows(CeterisException.class, () -> StudyMethods.get("dag_adjust").run(null, null,
                new Params("study referral", Map.of("dag", "dag { X -> Y }", "exposre", "X"))));
        assertTrue(e.getMessage().contains("exposre"), e.getMessage());
    }
}
