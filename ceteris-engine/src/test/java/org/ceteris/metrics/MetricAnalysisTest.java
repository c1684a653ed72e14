package org.ceteris.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbResult;
import org.ceteris.json.Json;
import org.ceteris.stats.MultipleTesting;
import org.ceteris.studies.AbStudy;
import org.ceteris.studies.Params;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard of a study over raw logs is the {@code ab} scorecard of its per-unit table, plus the metric fields. */
class MetricAnalysisTest {

    @TempDir
    Path tmp;

    private static Params params(String study) {
        return WorkspaceConfig.read(MetricTableTest.dir().resolve("ceteris.yaml")).study(study).params();
    }

    @Test
    void scorecardIsByteIdenticalToAbOnThePerUnitTable() {
        MetricStudySpec spec = MetricTableTest.spec("home_row");
        Path units = tmp.resolve("units.parquet");
        String metricsJson;
        String abJson;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            MetricsResult result = MetricAnalysis.run(db, spec, params("home_row"), MetricTableTest.dir());
            metricsJson = Json.write(result);
            MetricTable.build(db, spec, MetricTableTest.dir());
            db.execute("COPY " + MetricSql.UNITS + " TO '" + units + "' (FORMAT parquet)");
        }
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            AbResult ab = AbStudy.run(db, new Source.File(units), MetricAnalysis.abSpec(spec, params("home_row")));
            abJson = Json.write(ab);
        }
        ObjectNode shared = (ObjectNode) Json.read(metricsJson);
        List<String> added = new ArrayList<>();
        for (JsonNode m : shared.get("metrics")) {
            added.add(m.get("metric").asText() + ":" + m.get("better").asText() + ":" + m.get("incomplete_units").asText());
            ((ObjectNode) m).remove(List.of("incomplete_units", "definition")); // better is the scorecard's own field
        }
        ArrayNode diagnostics = (ArrayNode) shared.get("diagnostics");
        JsonNode last = diagnostics.remove(diagnostics.size() - 1);
        assertEquals("MULTIPLE_EXPOSURES", last.get("code").asText());
        assertTrue(last.get("message").asText().startsWith("2 unit(s)"), last.toString());
        // units whose window had not ended are the scorecard's "missing values", reworded in place
        ArrayNode abDiagnostics = (ArrayNode) Json.read(abJson).get("diagnostics");
        int reworded = 0;
        for (int i = 0; i < diagnostics.size(); i++) {
            if (diagnostics.get(i).get("code").asText().equals("INCOMPLETE_WINDOW")) {
                assertEquals("MISSING_VALUES", abDiagnostics.get(i).get("code").asText());
                assertEquals(abDiagnostics.get(i).get("message").asText().split(" ")[0], diagnostics.get(i).get("message").asText().split(" ")[0]);
                diagnostics.set(i, abDiagnostics.get(i));
                reworded++;
            }
        }
        assertEquals(7, reworded, "every windowed metric but played and fixed_cap_minutes has late units; the ratio too");
        assertEquals(abJson, Json.write(shared), "the ab part of the result");
        assertTrue(added.contains("inactive_7_9:lower:187"), added.toString());
        assertTrue(added.contains("watch_minutes:higher:97"), added.toString());
        assertTrue(added.contains("minutes_per_session:higher:97"), added.toString());
        JsonNode def = Json.read(metricsJson).get("metrics").get(0).get("definition");
        assertEquals("activity", def.get("source").asText());
        assertEquals("0d-7d", def.get("window").asText());
    }

    @Test
    void sequentialStudyIsTheSequentialReplayOfThePerUnitTableLookedAtByFirstExposure() {
        WorkspaceConfig config = WorkspaceConfig.read(MetricTableTest.dir().resolve("ceteris.yaml"));
        var study = config.study("home_row_sequential");
        Path units = tmp.resolve("units.parquet");
        String viaLogs;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            viaLogs = Json.write(MetricStudies.run(db, study, config.catalog(), MetricTableTest.dir()));
            MetricTable.build(db, MetricStudies.spec(study, config.catalog()), MetricTableTest.dir());
            db.execute("COPY " + MetricSql.UNITS + " TO '" + units + "' (FORMAT parquet)");
        }
        String direct;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            direct = Json.write(org.ceteris.studies.SequentialStudy.run(db, new Source.File(units), org.ceteris.studies.SequentialStudy.spec(
                    new Params("t", java.util.Map.of("variant", "variant", "time", "first_exposure", "metric", "tv_minutes",
                            "covariate", "tv_minutes_cuped", "every", 2)))));
        }
        assertEquals(direct, viaLogs);
        JsonNode r = Json.read(viaLogs);
        assertEquals("sequential", r.get("method").asText());
        assertTrue(r.get("looks").size() >= 5, "a look every 2 days over 10 days of exposures");
    }

    @Test
    void theOrderOfLogRowsDoesNotMatter() throws Exception {
        for (String f : new String[] {"exposures.csv", "activity.csv", "plays.csv"}) {
            List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(MetricTableTest.dir().resolve(f)));
            List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
            java.util.Collections.reverse(body);
            body.add(0, lines.get(0));
            java.nio.file.Files.write(tmp.resolve(f), body);
        }
        MetricStudySpec spec = MetricTableTest.spec("home_row");
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            String original = Json.write(MetricAnalysis.run(db, spec, params("home_row"), MetricTableTest.dir()));
            assertEquals(original, Json.write(MetricAnalysis.run(db, spec, params("home_row"), tmp)), "logs with their rows reversed");
        }
    }

    @Test
    void sameLogsGiveByteIdenticalJson() {
        MetricStudySpec spec = MetricTableTest.spec("home_row");
        String first;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            first = Json.write(MetricAnalysis.run(db, spec, params("home_row"), MetricTableTest.dir()));
        }
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            assertEquals(first, Json.write(MetricAnalysis.run(db, spec, params("home_row"), MetricTableTest.dir())));
        }
    }

    @Test
    void slicesGiveAScorecardPerValueWithBhAcrossSlicesAndCochransQ() {
        MetricStudySpec spec = MetricTableTest.spec("home_row_sliced");
        JsonNode r;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            r = Json.read(Json.write(MetricAnalysis.run(db, spec, params("home_row_sliced"), MetricTableTest.dir())));
        }
        List<String> seen = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Double> adjusted = new ArrayList<>();
        long countryUnits = 0;
        for (JsonNode s : r.get("slices")) {
            seen.add(s.get("column").asText() + "=" + s.get("value").asText());
            if (s.get("column").asText().equals("country")) {
                countryUnits += s.get("units").asLong();
            }
            assertEquals(3, s.get("metrics").size(), s.toString());
            for (JsonNode m : s.get("metrics")) {
                for (JsonNode c : m.get("comparisons")) {
                    p.add(c.get("p_value").asDouble());
                    adjusted.add(c.get("p_adjusted").asDouble());
                }
            }
        }
        assertEquals(List.of("country=BR", "country=DE", "country=US", "device=phone", "device=tv"), seen);
        assertEquals(403, countryUnits, "every unit is in one country slice");
        double[] bh = MultipleTesting.benjaminiHochberg(p.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < bh.length; i++) {
            assertEquals(bh[i], adjusted.get(i), 0.0, "BH across all 15 slice comparisons");
        }
        JsonNode het = r.get("heterogeneity");
        assertEquals(6, het.size(), "2 slice columns × 3 metrics × 1 treatment arm");
        JsonNode first = het.get(0);
        assertEquals("country", first.get("column").asText());
        assertEquals(2, first.get("df").asInt());
        assertFalse(first.get("q").isNull());
        assertTrue(first.get("p_value").asDouble() > 0 && first.get("p_value").asDouble() <= 1);
        // the top-level scorecard is unchanged by slicing: same metrics as the ab result
        assertEquals(3, r.get("metrics").size());
    }

    @Test
    void quantileMetricsMatchNumpyOnThePerUnitValues() {
        JsonNode r = matchesFixture("home_row_quantiles", "expected_quantiles.csv", 3);
        assertEquals("lower", r.get("metrics").get(3).get("better").asText(), "better: travels with a quantile metric");
        assertEquals(0.9, r.get("metrics").get(2).get("definition").get("quantile").asDouble());
    }

    /** quantile_level: event: the quantile of the events' values, with the bracket clustered by unit, as numpy computes them from the raw logs. */
    @Test
    void eventLevelQuantilesMatchNumpyOnTheRawEvents() {
        JsonNode r = matchesFixture("home_row_event_quantiles", "expected_event_quantiles.csv", 2);
        assertEquals("event", r.get("metrics").get(1).get("definition").get("quantile_level").asText());
    }

    /** Runs the study and checks every quantile metric's arms and comparison against the fixture to 1e-9. */
    private static JsonNode matchesFixture(String study, String csv, int expectedComparisons) {
        JsonNode r;
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            r = Json.read(Json.write(MetricAnalysis.run(db, MetricTableTest.spec(study), params(study), MetricTableTest.dir())));
            org.ceteris.engine.Rows expected = db.query("SELECT * FROM read_csv('" + MetricTableTest.dir().resolve(csv)
                    + "', header = true) ORDER BY metric, variant");
            int checked = 0;
            for (JsonNode m : r.get("metrics")) {
                String name = m.get("metric").asText();
                if (name.equals("watch_minutes")) {
                    assertEquals("mean", m.get("kind").asText());
                    continue;
                }
                assertEquals("quantile", m.get("kind").asText(), name);
                for (int i = 0; i < expected.size(); i++) {
                    if (!expected.getString(i, "metric").equals(name)) {
                        continue;
                    }
                    String v = expected.getString(i, "variant");
                    JsonNode arm = null;
                    for (JsonNode a : m.get("variants")) {
                        arm = a.get("variant").asText().equals(v) ? a : arm;
                    }
                    assertEquals(expected.getLong(i, "n"), arm.get("n").asLong(), name + " " + v + " n");
                    assertEquals(expected.getDouble(i, "quantile"), arm.get("mean").asDouble(), 1e-9, name + " " + v + " quantile");
                    if (v.equals("control")) {
                        continue;
                    }
                    JsonNode c = m.get("comparisons").get(0);
                    for (String f : new String[] {"estimate", "se", "ci_low", "ci_high", "relative", "relative_ci_low", "relative_ci_high"}) {
                        assertEquals(expected.getDouble(i, f), c.get(f).asDouble(), 1e-9, name + " " + f);
                    }
                    checked++;
                }
            }
            assertEquals(expectedComparisons, checked, "quantile metrics compared");
        }
        return r;
    }
}
