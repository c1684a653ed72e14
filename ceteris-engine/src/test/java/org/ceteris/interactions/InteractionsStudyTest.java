package org.ceteris.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.ceteris.studies.Params;
import org.ceteris.studies.StudyMethods;
import org.junit.jupiter.api.Test;

/** The registered study gives the same result as the spec built directly (YAML/REST path). */
class InteractionsStudyTest {

    @Test
    void registeredAndEquivalentToTheSpec() throws Exception {
        Source data = new Source.File(InteractionsReferenceTest.resource("experiments.csv"));
        Params params = new Params("study 'x'", Map.of("experiments", List.of("row_ranking", "artwork", "autoplay"),
                "metric", List.of("watch_minutes"), "correction", "holm", "control", Map.of("autoplay", "b")));
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            InteractionsResult viaStudy = (InteractionsResult) StudyMethods.get("interactions").run(engine, data, params);
            InteractionsResult direct = org.ceteris.studies.InteractionsStudy.run(engine, data,
                    new InteractionsSpec(List.of("row_ranking", "artwork", "autoplay"), List.of("watch_minutes"), null,
                            Map.of("autoplay", "b"), org.ceteris.stats.MultipleTesting.Correction.HOLM, 0.05));
            assertEquals(Json.write(direct), Json.write(viaStudy));
            assertTrue(viaStudy.pairs().stream().noneMatch(p -> p.armA().equals("b") && p.a().equals("autoplay")));
            CeterisException e = assertThrows(CeterisException.class, () -> StudyMethods.get("interactions").run(engine, data,
                    new Params("study 'x'", Map.of("experiments", "row_ranking,artwork", "metric", "watch_minutes", "colour", "red"))));
            assertTrue(e.getMessage().contains("unknown parameter 'colour'"));
        }
    }
}
