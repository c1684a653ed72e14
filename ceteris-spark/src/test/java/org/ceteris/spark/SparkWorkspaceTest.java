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
 * A workspace whose ceteris.yaml says {@code engine: spark}: {@code ceteris run} reads the studies'
 * data on Spark {@code local[2]}, stores the runs in the workspace's DuckDB file, and gives the same
 * results as the same studies on DuckDB ({@code --engine duckdb}) to 1e-9 relative.
 */
class SparkWorkspaceTest {

    @TempDir
    static Path dir;

    static Path ws;

    @BeforeAll
    static void workspace() throws IOException {
        SharedSpark.session();
        ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("lake"));
        TestData.experiment(ws.resolve("lake"), 6000, 20261128L);
        Files.writeString(ws.resolve("ceteris.yaml"), """
                version: 1
                engine: spark
                spark_master: local[2]
                studies:
                  home_row:
                    method: ab
                    data: lake/experiment.parquet
                    variant: variant
                    metric: [watch, converted]
                    ratio: plays_per_session=plays/sessions
                    covariate: watch=pre_watch
                  heavy_users:
                    method: ab
                    data: lake/experiment.csv
                    sql: SELECT * FROM data WHERE sessions > 1
                    unit: user
                    variant: variant
                    metric: watch
                  staggered:
                    method: did
                    data: %s
                    unit: countyreal
                    time: year
                    outcome: lemp
                    first_treated: first.treat
                    covariates: lpop
                """.formatted(TestData.MPDTA.toAbsolutePath().normalize()));
    }

    @Test
    void runOnSparkMatchesDuckDbAndIsStoredInTheWorkspace() {
        JsonNode spark = Json.read(SharedSpark.cli("run", "--workspace", ws.toString(), "--json").ok().out());
        JsonNode duck = Json.read(SharedSpark.cli("run", "--workspace", ws.toString(), "--engine", "duckdb", "--json").ok().out());
        assertEquals(3, spark.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(duck.get(i).get("study"), spark.get(i).get("study"));
            JsonClose.assertClose(duck.get(i).get("result"), spark.get(i).get("result"), 1e-9);
        }
        assertTrue(spark.get(0).get("result").get("metrics").get(0).get("variance_reduction").asDouble() > 0.1, "CUPED used");
        assertEquals("staggered", spark.get(2).get("result").get("design").asText());

        JsonNode history = Json.read(SharedSpark.cli("history", "--workspace", ws.toString(), "--study", "home_row", "--json")
                .ok().out());
        assertEquals(2, history.size(), "the Spark run and the DuckDB run, both in ceteris.duckdb");
        assertTrue(Files.isRegularFile(ws.resolve("ceteris.duckdb")));
        Path html = dir.resolve("home_row.html");
        SharedSpark.cli("report", "--workspace", ws.toString(), "--study", "home_row", "--out", html.toString()).ok();
        assertTrue(Files.isRegularFile(html));
    }

    @Test
    void aStudyReadsATableOfTheSparkCatalog() throws IOException {
        Path other = dir.resolve("catalog");
        Files.createDirectories(other);
        SparkEngine.on(SharedSpark.session()).register("lake_events",
                SharedSpark.session().read().parquet(ws.resolve("lake/experiment.parquet").toString()));
        Files.writeString(other.resolve("ceteris.yaml"), """
                engine: spark
                spark_master: local[2]
                studies:
                  from_catalog:
                    method: ab
                    table: lake_events
                    variant: variant
                    metric: watch
                  from_file:
                    method: ab
                    data: %s
                    variant: variant
                    metric: watch
                """.formatted(ws.resolve("lake/experiment.parquet")));
        JsonNode runs = Json.read(SharedSpark.cli("run", "--workspace", other.toString(), "--json").ok().out());
        JsonClose.assertClose(runs.get(1).get("result"), runs.get(0).get("result"), 1e-12);
    }

    @Test
    void aTableImportedIntoTheWorkspaceIsNotReadableBySpark() throws IOException {
        Path imported = dir.resolve("imported");
        SharedSpark.cli("import", "--workspace", imported.toString(), "--table", "home_row",
                ws.resolve("lake/experiment.csv").toString()).ok();
        Files.writeString(imported.resolve("ceteris.yaml"), """
                engine: spark
                spark_master: local[2]
                studies:
                  lift:
                    method: ab
                    table: home_row
                    variant: variant
                    metric: watch
                """);
        SparkErrorsTest.assertOneLineError(SharedSpark.cli("run", "--workspace", imported.toString()),
                "study 'lift': table 'home_row' exists only in the workspace's ceteris.duckdb, which the spark engine cannot read; "
                        + "point the study at its Parquet or CSV file with 'data: PATH'");
        SharedSpark.cli("run", "--workspace", imported.toString(), "--engine", "duckdb").ok();
    }
}
