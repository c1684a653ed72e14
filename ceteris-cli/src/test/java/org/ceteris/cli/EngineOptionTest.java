package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} and {@code --spark-master} in the default jar, which has no Spark, and
 * {@code engine:} of ceteris.yaml: asking for Spark says which jar to use, and wrong combinations
 * are one-line errors.
 */
class EngineOptionTest {

    @TempDir
    Path dir;

    private Path csv() throws IOException {
        Path p = dir.resolve("e.csv");
        Files.writeString(p, "variant,m\ncontrol,1\ncontrol,2\na,2\na,3\n");
        return p;
    }

    @Test
    void sparkWithoutTheSparkJarSaysWhichJarToUse() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "spark"),
                "ceteris-spark jar");
        assertOneLineError(Cli.run("did", "--data", csv().toString(), "--unit", "variant", "--time", "m", "--outcome", "m",
                "--treated", "m", "--post", "m", "--engine", "spark"), "ceteris-spark jar");
    }

    @Test
    void unknownEngine() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "postgres"),
                "use duckdb or spark");
    }

    @Test
    void sparkMasterNeedsTheSparkEngine() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--spark-master",
                "local[2]"), "--spark-master goes with --engine spark");
    }

    @Test
    void sparkDoesNotReadDuckDbWorkspaces() {
        assertOneLineError(Cli.run("ab", "--workspace", dir.toString(), "--table", "t", "--variant", "variant", "--metric", "m",
                "--engine", "spark"), "--workspace is a DuckDB workspace");
    }

    /** A workspace whose ceteris.yaml says {@code engine: spark}, with one study over a CSV file next to it. */
    private Path sparkWorkspace() throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Files.copy(csv(), ws.resolve("e.csv"));
        Files.writeString(ws.resolve("ceteris.yaml"), "engine: spark\nspark_master: local[2]\nstudies:\n  lift:\n    method: ab\n"
                + "    data: e.csv\n    variant: variant\n    metric: m\n");
        return ws;
    }

    @Test
    void sparkInTheWorkspaceConfigSaysWhichJarToUse() throws IOException {
        Path ws = sparkWorkspace();
        Cli.Run run = Cli.run("run", "--workspace", ws.toString());
        assertOneLineError(run, "ceteris-spark jar");
        assertEquals(Cli.run("ab", "--data", csv().toString(), "--variant", "variant", "--metric", "m", "--engine", "spark").err(),
                run.err(), "the same line as --engine spark");
        Cli.run("history", "--workspace", ws.toString()).ok(); // the history stays in DuckDB: readable without Spark
        assertOneLineError(Cli.run("run", "--workspace", ws.toString(), "--engine", "flink"), "unknown --engine 'flink': use duckdb or spark");
        assertOneLineError(Cli.run("run", "--workspace", ws.toString(), "--engine", "duckdb", "--spark-master", "local[2]"),
                "--spark-master goes with --engine spark");
    }

    @Test
    void theEngineFlagOverridesTheWorkspaceConfig() throws IOException {
        Path ws = sparkWorkspace();
        Cli.run("run", "--workspace", ws.toString(), "--engine", "duckdb").ok();
        String history = Cli.run("history", "--workspace", ws.toString(), "--json").ok().out();
        assertTrue(history.contains("\"lift\""), history);
    }

    @Test
    void unknownEngineInTheWorkspaceConfig() throws IOException {
        Path ws = sparkWorkspace();
        Files.writeString(ws.resolve("ceteris.yaml"), "version: 1\nengine: postgres\nstudies: {}\n");
        assertOneLineError(Cli.run("run", "--workspace", ws.toString()), "ceteris.yaml, line 2: unknown engine 'postgres': use duckdb or spark");
    }

    /**
     * {@code --engine duckdb} gives the default's document, with the right numbers (a − control =
     * 2.5 − 1.5 = 1, Welch se √(0.5/2 + 0.5/2)), and it is DuckDB that runs the SQL: {@code --sql}
     * in DuckDB's own FROM-first syntax, which no other engine accepts, doubles the metric and the effect.
     */
    @Test
    void duckDbIsTheDefaultAndCanBeNamed() throws IOException {
        String data = csv().toString();
        String named = Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "m", "--engine", "duckdb", "--json").ok().out();
        String byDefault = Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "m", "--json").ok().out();
        assertEquals(byDefault, named, "--engine duckdb is the default");
        JsonNode c = Json.read(named).get("metrics").get(0).get("comparisons").get(0);
        assertEquals(1.0, c.get("estimate").asDouble(), 1e-12, c.toString());
        assertEquals(Math.sqrt(0.5 / 2 + 0.5 / 2), c.get("se").asDouble(), 1e-12, c.toString());
        String duckDbSql = Cli.run("ab", "--data", data, "--sql", "FROM data SELECT * EXCLUDE (m), 2 * m AS m", "--variant", "variant",
                "--metric", "m", "--engine", "duckdb", "--json").ok().out();
        JsonNode doubled = Json.read(duckDbSql).get("metrics").get(0).get("comparisons").get(0);
        assertEquals(2.0, doubled.get("estimate").asDouble(), 1e-12, "DuckDB ran the FROM-first query: " + doubled);
    }
}
