package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris run} and {@code ceteris history} over a workspace's ceteris.yaml. */
class StudiesCliTest {

    static final String YAML = """
            version: 1
            studies:
              home_row:
                method: ab
                table: home_row
                variant: variant
                metric: [watch_minutes, returned]
                covariate: watch_minutes=pre_minutes
              ranked_only:
                method: ab
                sql: SELECT * FROM home_row WHERE variant <> 'personalised'
                variant: variant
                metric: watch_minutes
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws Exception {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(false)) {
            new HomeRowScenario(3000).generate(engine, 7);
        }
        Files.writeString(ws.config(), YAML);
    }

    @Test
    void runStoresEveryStudyAndHistoryListsThem() {
        Cli.Run first = Cli.run("run", "--workspace", dir.toString()).ok();
        assertTrue(first.out().contains("home_row (ab): run 1 stored"), first.out());
        assertTrue(first.out().contains("ranked_only (ab): run 2 stored"), first.out());
        Cli.run("run", "--workspace", dir.toString(), "--study", "home_row").ok();

        JsonNode all = Json.read(Cli.run("history", "--workspace", dir.toString(), "--json").ok().out());
        assertEquals(3, all.size());
        JsonNode home = Json.read(Cli.run("history", "--workspace", dir.toString(), "--study", "home_row", "--json").ok().out());
        assertEquals(2, home.size());
        JsonNode last = home.get(1);
        assertEquals(3, last.get("run_id").asLong());
        assertEquals("ab", last.get("method").asText());
        assertTrue(last.get("run_at").asText().endsWith("Z"));
        JsonNode h = last.get("headline");
        assertTrue(h.get("label").asText().startsWith("watch minutes, "), h.toString());
        assertTrue(h.get("ci_low").asDouble() <= h.get("estimate").asDouble() && h.get("estimate").asDouble() <= h.get("ci_high").asDouble());
        assertTrue(h.get("relative").asBoolean());

        String table = Cli.run("history", "--workspace", dir.toString()).ok().out();
        assertTrue(table.contains("ranked_only") && table.contains("home_row"), table);
    }

    @Test
    void runJsonCarriesSpecAndResult() {
        JsonNode runs = Json.read(Cli.run("run", "--workspace", dir.toString(), "--study", "ranked_only", "--json").ok().out());
        assertEquals(1, runs.size());
        JsonNode r = runs.get(0);
        assertEquals("SELECT * FROM home_row WHERE variant <> 'personalised'", r.get("spec").get("sql").asText());
        assertEquals("ab", r.get("result").get("method").asText());
        assertEquals(r.get("summary").asText(), r.get("result").get("summary").asText());
        // the runs table is plain SQL for anyone who wants it
        String sql = Cli.run("sql", "--workspace", dir.toString(), "--format", "csv",
                "SELECT study, method, verdict FROM ceteris_runs").ok().out();
        assertTrue(sql.contains("ranked_only,ab,"), sql);
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("ceteris.yaml"), "studies:\n  a:\n    method: ab\n   table: [x\n");
        Cli.Run run = Cli.run("run", "--workspace", dir.toString());
        assertOneLineError(run, "ceteris.yaml, line 4");
    }

    @Test
    void unknownMethodAndParameterNameTheStudyAndLine() throws Exception {
        Files.writeString(dir.resolve("ceteris.yaml"), "studies:\n  a:\n    method: abc\n    table: home_row\n");
        assertOneLineError(Cli.run("run", "--workspace", dir.toString()), "line 2: study 'a': unknown method 'abc'");
        Files.writeString(dir.resolve("ceteris.yaml"), "studies:\n  a:\n    method: ab\n    table: home_row\n    variant: variant\n    metrc: x\n");
        assertOneLineError(Cli.run("run", "--workspace", dir.toString()), "unknown parameter 'metrc'");
    }

    @Test
    void unknownStudyListsTheStudies() {
        assertOneLineError(Cli.run("run", "--workspace", dir.toString(), "--study", "nope"), "studies: home_row, ranked_only");
        assertOneLineError(Cli.run("history", "--workspace", dir.toString(), "--study", "nope"), "no study 'nope'");
    }

    @Test
    void aFailingStudyStoresNothing() throws Exception {
        Cli.run("run", "--workspace", dir.toString(), "--study", "home_row").ok();
        Files.writeString(dir.resolve("ceteris.yaml"), YAML + "  broken:\n    method: ab\n    table: home_row\n    variant: variant\n    metric: no_such_column\n");
        assertOneLineError(Cli.run("run", "--workspace", dir.toString()), "study 'broken'");
        JsonNode all = Json.read(Cli.run("history", "--workspace", dir.toString(), "--json").ok().out());
        assertEquals(1, all.size(), "the earlier history is intact and nothing of the failed run is stored");
    }

    @Test
    void secondWriterGetsWorkspaceIsBusy() throws Exception {
        Process holder = LockHolder.start(dir.resolve(Workspace.DATABASE));
        try {
            assertOneLineError(Cli.run("run", "--workspace", dir.toString()), "workspace is busy");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        Cli.run("run", "--workspace", dir.toString()).ok();
    }

    @Test
    void reportIsOneSelfContainedFile() throws Exception {
        Cli.run("run", "--workspace", dir.toString(), "--study", "home_row").ok();
        Path out = dir.resolve("out/report.html");
        Cli.Run run = Cli.run("report", "--workspace", dir.toString(), "--study", "home_row", "--out", out.toString()).ok();
        assertTrue(run.out().contains("wrote"), run.out());
        String html = Files.readString(out);
        assertTrue(html.contains("id=\"ceteris-data\"") && html.contains("vegaEmbed") && html.contains("Ceteris.views.register('ab'"));
        assertFalse(html.contains("<script src=") || html.contains("<link rel=\"stylesheet\""), "everything is inlined");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "nothing is loaded from the network");
        assertOneLineError(Cli.run("report", "--workspace", dir.toString(), "--study", "nope", "--out", out.toString()), "no study 'nope'");
    }

    @Test
    void serveRefusesUnsafeOrMalformedOptions() {
        assertOneLineError(Cli.run("serve", "--workspace", dir.toString(), "--host", "0.0.0.0", "--port", "0"), "--token");
        assertOneLineError(Cli.run("serve", "--workspace", dir.toString(), "--port", "70000"), "--port");
        assertOneLineError(Cli.run("serve", "--workspace", dir.resolve("missing").toString()), "no workspace");
        assertOneLineError(Cli.run("serve", "--workspace", dir.toString(), "--port", "0", "--duckdb-memory", "lots"), "--duckdb-memory");
        assertOneLineError(Cli.run("serve", "--workspace", dir.toString(), "--port", "0", "--duckdb-threads", "0"), "--duckdb-threads");
    }

    @Test
    void noStudiesIsAOneLineError() throws Exception {
        Files.writeString(dir.resolve("ceteris.yaml"), "version: 1\nstudies: {}\n");
        assertOneLineError(Cli.run("run", "--workspace", dir.toString()), "lists no studies");
        Cli.Run empty = Cli.run("history", "--workspace", dir.toString()).ok();
        assertFalse(empty.out().isBlank());
    }
}
