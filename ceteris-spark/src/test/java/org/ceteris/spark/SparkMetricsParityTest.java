package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies over raw logs (issue 19: sources and metrics in ceteris.yaml) give the same JSON on Spark
 * {@code local[2]} as on DuckDB, to 1e-9 relative: every aggregate, windows, filter, caps, CUPED, the
 * ratio, slices with Cochran's Q, and the sequential replay. The logs are ceteris-engine's metric
 * fixtures (src/test/resources/metrics, made by make_fixtures.py).
 */
class SparkMetricsParityTest {

    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void workspace() throws IOException {
        SharedSpark.session();
        ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Path fixtures = Path.of("../ceteris-engine/src/test/resources/metrics");
        for (String f : new String[] {"exposures.csv", "activity.csv", "plays.csv", "ceteris.yaml"}) {
            Files.copy(fixtures.resolve(f), ws.resolve(f));
        }
    }

    @Test
    void everyMetricsStudyMatchesDuckDb() {
        JsonNode spark = Json.read(SharedSpark.cli("run", "--workspace", ws.toString(), "--engine", "spark",
                "--spark-master", "local[2]", "--json").ok().out());
        JsonNode duck = Json.read(SharedSpark.cli("run", "--workspace", ws.toString(), "--engine", "duckdb", "--json").ok().out());
        assertEquals(5, spark.size());
        java.util.Map<String, JsonNode> byStudy = new java.util.HashMap<>();
        for (int i = 0; i < spark.size(); i++) {
            assertEquals(duck.get(i).get("study"), spark.get(i).get("study"));
            JsonClose.assertClose(duck.get(i).get("result"), spark.get(i).get("result"), 1e-9);
            byStudy.put(spark.get(i).get("study").asText(), spark.get(i).get("result"));
        }
        JsonNode home = byStudy.get("home_row");
        assertEquals(10, home.get("metrics").size());
        assertEquals(97, home.get("metrics").get(0).get("incomplete_units").asLong());
        assertEquals(5, byStudy.get("home_row_sliced").get("slices").size());
        assertTrue(byStudy.get("home_row_sequential").get("looks").size() >= 5, byStudy.keySet().toString());
        // quantiles of per-unit values and of events (Spark's exact percentile against DuckDB's quantile_cont)
        assertEquals("quantile", byStudy.get("home_row_quantiles").get("metrics").get(1).get("kind").asText());
        assertEquals("quantile", byStudy.get("home_row_event_quantiles").get("metrics").get(2).get("kind").asText());
    }
}
