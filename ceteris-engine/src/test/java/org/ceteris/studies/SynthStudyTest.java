package org.ceteris.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.synth.SynthResult;
import org.junit.jupiter.api.Test;

/** The synth study from YAML-style parameters, on a panel built in DuckDB. */
class SynthStudyTest {

    private static final String PANEL = "(SELECT 'U' || lpad(u::VARCHAR, 2, '0') AS city, t AS week,"
            + " 100 + 10 * u + 3 * sin(t * u) + CASE WHEN u = 1 AND t >= 12 THEN -6 ELSE 0 END AS signups,"
            + " 5 * u + 0.1 * t AS income FROM range(1, 11) a(u), range(1, 16) b(t))";

    @Test
    void registeredAndRunsFromParams() {
        StudyMethod m = StudyMethods.get("synth");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("CREATE TABLE panel AS SELECT * FROM " + PANEL);
            SynthResult r = (SynthResult) m.run(engine, new Source.Table("panel"), new Params("study 'billboard'",
                    Map.of("unit", "city", "time", "week", "outcome", "signups", "treated", "U05", "treatment_time", 12,
                            "predictor", List.of("income:1-11"), "special", "signups@8", "exclude", "U01")));
            assertEquals("U05", r.treated());
            assertEquals(12L, r.treatmentTime());
            assertTrue(!r.weights().containsKey("U01"));
            assertEquals(8, r.weights().size());
            assertEquals(List.of("income:1-11", "signups@8"), List.copyOf(r.predictorWeights().keySet()));
        }
    }

    @Test
    void unknownParameterIsNamed() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            CeterisException e = assertThrows(CeterisException.class, () -> StudyMethods.get("synth").run(engine,
                    new Source.Query("SELECT 1"), new Params("study 'x'", Map.of("unit", "a", "treatment_tme", 3))));
            assertTrue(e.getMessage().contains("treatment_tme"), e.getMessage());
        }
    }
}
