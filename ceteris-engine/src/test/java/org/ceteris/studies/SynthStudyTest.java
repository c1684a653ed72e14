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
    void headlineIsTheAverageGapJudgedByThePlaceboRankAtTheStudysAlpha() {
        StudyMethod m = StudyMethods.get("synth");
        String panel = PANEL.replace("u = 1 AND t >= 12 THEN -6", "u = 5 AND t >= 12 THEN -30");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("CREATE TABLE panel AS SELECT * FROM " + panel);
            Map<String, Object> base = Map.of("unit", "city", "time", "week", "outcome", "signups", "treated", "U05",
                    "treatment_time", 12, "placebos", true);
            Params p10 = new Params("study 'b'", base);
            SynthResult r = (SynthResult) m.run(engine, new Source.Table("panel"), p10);
            assertEquals(0.1, r.pValue(), 1e-12); // the largest jump of 10 units
            Headline h = m.headline(r, p10);
            assertEquals(r.att(), h.estimate());
            assertTrue(h.estimate() < -20, "att " + h.estimate());
            assertTrue(Double.isNaN(h.ciLow()) && Double.isNaN(h.ciHigh()));
            assertEquals(Headline.NEGATIVE, h.verdict());
            assertEquals("signups per period after the change, U05 against its synthetic twin", h.label());
            // at alpha 0.05, one in ten is not rare enough: the card says so as the summary does
            Map<String, Object> strict = new java.util.HashMap<>(base);
            strict.put("alpha", 0.05);
            Params p05 = new Params("study 'b'", strict);
            assertEquals(Headline.NO_CLEAR_EFFECT, m.headline(m.run(engine, new Source.Table("panel"), p05), p05).verdict());
            // without placebos nothing says how unusual the gap is
            Map<String, Object> none = new java.util.HashMap<>(base);
            none.remove("placebos");
            Params pn = new Params("study 'b'", none);
            Headline hn = m.headline(m.run(engine, new Source.Table("panel"), pn), pn);
            assertEquals(Headline.NO_CLEAR_EFFECT, hn.verdict());
            assertTrue(hn.label().endsWith("(no placebo check)"), hn.label());
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
