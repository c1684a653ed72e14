package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris import} and {@code ceteris sql}: formats, errors, and imports that fail leave no trace. */
class WorkspaceCommandsTest {

    @TempDir
    Path dir;

    Path workspaceWithTable() throws IOException {
        Path ws = dir.resolve("ws");
        Path f = Cli.csv(dir, "exp.csv", "user,variant,minutes,note", "u1,control,10.5,\"a, b\"", "u2,B,12,", "u3,B,7.25,x");
        Cli.Run run = Cli.run("import", "--workspace", ws.toString(), "--table", "exp", f.toString()).ok();
        assertTrue(run.out().contains("imported 3 rows, 4 columns from 1 file(s) into table exp"), run.out());
        return ws;
    }

    @Test
    void importCreatesTheWorkspace() throws IOException {
        Path ws = workspaceWithTable();
        assertTrue(Files.isRegularFile(ws.resolve("ceteris.yaml")));
        assertTrue(Files.isRegularFile(ws.resolve("ceteris.duckdb")));
        Cli.Run run = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT table_name, row_count FROM ceteris_imports").ok();
        assertEquals("table_name,row_count\nexp,3\n", run.out());
    }

    /** Imports read CSV with the engine's 2 MiB buffer, which still holds DuckDB's longest default line. */
    @Test
    void importReadsALineNearDuckDbsLimit() throws IOException {
        StringBuilder csv = new StringBuilder("variant,m\n");
        for (int i = 0; i < 50_001; i++) {
            csv.append(i == 40_000 ? "x".repeat(1_999_000) : i % 2 == 0 ? "A" : "B").append(',').append(i).append('\n');
        }
        Path f = Files.writeString(dir.resolve("long.csv"), csv);
        Path ws = dir.resolve("ws-long");
        Cli.run("import", "--workspace", ws.toString(), "--table", "long", f.toString()).ok();
        Cli.Run run = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT count(*) AS n, max(length(variant)) AS w, sum(m) AS s FROM long").ok();
        assertEquals("n,w,s\n50001,1999000,1250025000\n", run.out());
    }

    /** COPY … TO exports and says so; it used to write the file and then fail for having no result set. */
    @Test
    void copyToExportsAndReportsWhatItWrote() throws IOException {
        Path ws = workspaceWithTable();
        Path parquet = dir.resolve("out.parquet");
        Cli.Run copy = Cli.run("sql", "--workspace", ws.toString(), "COPY exp TO '" + parquet + "' (FORMAT parquet)");
        assertEquals(0, copy.exitCode(), copy.err());
        assertEquals("", copy.err());
        assertEquals("done: 3 rows written (COPY)\n", copy.out());
        assertTrue(Files.size(parquet) > 0);
        Cli.Run back = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM read_parquet('" + parquet + "')").ok();
        assertEquals("n\n3\n", back.out());
        Cli.Run json = Cli.run("sql", "--workspace", ws.toString(), "--format", "json",
                "COPY (SELECT * FROM exp WHERE variant = 'B') TO '" + dir.resolve("b.csv") + "' (HEADER)").ok();
        assertEquals("{\"rows_affected\":2}", json.out().replaceAll("\\s", ""));
    }

    @Test
    void sqlFormats() throws IOException {
        Path ws = workspaceWithTable();
        String q = "SELECT user, minutes, note FROM exp ORDER BY user";
        Cli.Run csv = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv", q).ok();
        assertEquals("user,minutes,note\nu1,10.5,\"a, b\"\nu2,12.0,\nu3,7.25,x\n", csv.out());

        Cli.Run json = Cli.run("sql", "--workspace", ws.toString(), "--format", "json", q).ok();
        JsonNode rows = Json.read(json.out());
        assertEquals(3, rows.size());
        assertEquals("u1", rows.get(0).get("user").asText());
        assertEquals(10.5, rows.get(0).get("minutes").asDouble());
        assertTrue(rows.get(1).get("note").isNull());
        assertEquals("a, b", rows.get(0).get("note").asText());

        Cli.Run table = Cli.run("sql", "--workspace", ws.toString(), q).ok();
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("user"), table.out());
        assertTrue(lines.get(0).contains("minutes") && lines.get(0).contains("note"), table.out());
        assertTrue(table.out().contains("7.25"), table.out());
        assertTrue(table.out().contains("NULL"), table.out());
        assertEquals("(3 rows)", lines.get(lines.size() - 1));
        Cli.Run tableExplicit = Cli.run("sql", "--workspace", ws.toString(), "--format", "table", q).ok();
        assertEquals(table.out(), tableExplicit.out());
    }

    @Test
    void abReadsWorkspaceTablesAndQueries() throws IOException {
        Path ws = workspaceWithTable();
        Path more = Cli.csv(dir, "more.csv", "user,variant,minutes", "u1,control,10", "u2,control,12", "u3,control,9",
                "u4,B,13", "u5,B,11", "u6,B,15");
        Cli.run("import", "--workspace", ws.toString(), "--table", "more", more.toString()).ok();
        String fromTable = Cli.run("ab", "--workspace", ws.toString(), "--table", "more", "--variant", "variant",
                "--metric", "minutes", "--json").ok().out();
        String fromSql = Cli.run("ab", "--workspace", ws.toString(), "--sql", "SELECT * FROM more", "--variant", "variant",
                "--metric", "minutes", "--json").ok().out();
        String fromFile = Cli.run("ab", "--data", more.toString(), "--variant", "variant", "--metric", "minutes", "--json")
                .ok().out();
        // the same numbers (a table is scanned in parallel blocks, a CSV file on one thread: last bits may differ)
        assertSameNumbers(Json.read(fromFile), Json.read(fromTable), "");
        assertSameNumbers(Json.read(fromFile), Json.read(fromSql), "");
    }

    static void assertSameNumbers(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path);
            double e = expected.asDouble();
            assertEquals(e, actual.asDouble(), 1e-12 * Math.max(1e-300, Math.abs(e)), path);
        } else if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), path);
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameNumbers(expected.get(i), actual.get(i), path + "/" + i);
                }
            } else {
                expected.fieldNames().forEachRemaining(f -> assertSameNumbers(expected.get(f), actual.get(f), path + "/" + f));
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    @Test
    void failedImportLeavesTheWorkspaceUnchanged() throws IOException {
        Path ws = workspaceWithTable();
        String before = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT * FROM exp ORDER BY user").ok().out();
        String catalog = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT table_name, files, row_count FROM ceteris_imports").ok().out();
        Path broken = Cli.csv(dir, "broken.csv", "user,variant,minutes", "u9,control,1", "u8,B,2,3,4", "u7,B,3");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "exp", broken.toString()),
                "cannot read broken.csv as a table");
        Path bad = Cli.csv(dir, "bad.parquet", "not parquet");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "exp", bad.toString()),
                "cannot import bad.parquet");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "exp",
                dir.resolve("absent.csv").toString()), "file not found");
        assertEquals(before, Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT * FROM exp ORDER BY user").ok().out());
        assertEquals(catalog, Cli.run("sql", "--workspace", ws.toString(), "--format", "csv",
                "SELECT table_name, files, row_count FROM ceteris_imports").ok().out());
    }

    @Test
    void failedFirstImportCreatesNoWorkspace() throws IOException {
        Path ws = dir.resolve("new");
        Path bad = Cli.csv(dir, "bad.parquet", "not parquet");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "t", bad.toString()),
                "bad.parquet");
        assertFalse(Files.exists(ws), "no workspace left behind");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "t",
                dir.resolve("absent.csv").toString()), "file not found");
        assertFalse(Files.exists(ws));
    }

    @Test
    void importErrors() throws IOException {
        Path f = Cli.csv(dir, "a.csv", "x", "1");
        Path ws = dir.resolve("ws2");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "1bad", f.toString()),
                "invalid table name '1bad'");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "ceteris_x", f.toString()),
                "reserved");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "t"), "FILE");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), f.toString()), "--table");
        Path json = Cli.csv(dir, "a.json", "{}");
        assertOneLineError(Cli.run("import", "--workspace", ws.toString(), "--table", "t", json.toString()),
                "use .csv, .tsv or .parquet");
        Path file = Cli.csv(dir, "plainfile", "x");
        assertOneLineError(Cli.run("import", "--workspace", file.toString(), "--table", "t", f.toString()),
                "is a file");
    }

    @Test
    void sqlErrors() throws IOException {
        Path ws = workspaceWithTable();
        assertOneLineError(Cli.run("sql", "--workspace", ws.toString(), "SELEC 1"), "SQL error: Parser Error");
        assertOneLineError(Cli.run("sql", "--workspace", ws.toString(), "SELECT * FROM nope"), "nope");
        assertOneLineError(Cli.run("sql", "--workspace", ws.toString(), " "), "the query is empty");
        assertOneLineError(Cli.run("sql", "--workspace", ws.toString(), "--format", "xml", "SELECT 1"), "xml");
        assertOneLineError(Cli.run("sql", "--workspace", dir.resolve("none").toString(), "SELECT 1"), "no workspace at");
    }

    /** A statement that would change the workspace is refused in words that say what to do instead, and changes nothing. */
    @Test
    void sqlThatWouldChangeTheWorkspaceSaysWhatToDoInstead() throws IOException {
        Path ws = workspaceWithTable();
        String tables = "SELECT table_name FROM information_schema.tables ORDER BY 1";
        String before = Cli.run("sql", "--workspace", ws.toString(), "--format", "csv", tables).ok().out();
        for (String q : List.of("CREATE TABLE x AS SELECT 1 AS a", "DROP TABLE exp", "INSERT INTO exp SELECT * FROM exp",
                "DELETE FROM exp", "CREATE VIEW v AS SELECT 1")) {
            Cli.Run r = Cli.run("sql", "--workspace", ws.toString(), q);
            assertOneLineError(r, "ceteris sql is read-only and ");
            assertTrue(r.err().contains("ceteris import"), r.err());
        }
        assertEquals(before, Cli.run("sql", "--workspace", ws.toString(), "--format", "csv", tables).ok().out());
    }
}
