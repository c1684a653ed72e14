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
        assertEquals(3, spark.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(duck.get(i).get("study"), spark.get(i).get("study"));
            JsonClose.assertClose(duck.get(i).get("result"), spark.get(i).get("result"), 1e-9);
        }
        JsonNode home = spark.get(0).get("result");
        assertEquals(10, home.get("metrics").size());
        assertEquals(97, home.get("metrics").get(0).get("incomplete_units").asLong());
        assertEquals(5, spark.get(1).get("result").get("slices").size());
        assertTrue(spark.get(2).get("result").get("looks").size() >= 5);
    }
}
