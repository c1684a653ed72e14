package org.ceteris.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies that read a file ({@code data:}) on the workspace's DuckDB, and {@code engine: spark}
 * where Spark is not on the class path (this module's tests): one line, nothing stored.
 */
class StudyRunnerEngineTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/e.csv"), "variant,m,country\ncontrol,1,SE\ncontrol,2,NO\ncontrol,4,SE\n"
                + "b,2,SE\nb,3,NO\nb,6,SE\n");
        Files.writeString(dir.resolve("e.csv"), "variant,m\ncontrol,1\ncontrol,2\nb,2\nb,3\n");
    }

    private Workspace workspace(String yaml) throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), yaml);
        return ws;
    }

    @Test
    void aStudyReadsAFileRelativeToTheWorkspaceAndSqlQueriesItAsData() throws IOException {
        Workspace ws = workspace("""
                studies:
                  whole:
                    method: ab
                    data: data/e.csv
                    variant: variant
                    metric: m
                  sweden:
                    method: ab
                    data: data/e.csv
                    sql: SELECT * FROM data WHERE country = 'SE'
                    variant: variant
                    metric: m
                """);
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        List<StoredRun> runs = StudyRunner.run(ws, c.studies(), "test");
        assertEquals(2, runs.size());
        assertEquals("data/e.csv", Json.read(runs.get(0).spec()).get("data").asText(), "the spec is stored as written");
        assertEquals(4.0 / 7, runs.get(0).headline().estimate(), 1e-12, "mean 11/3 vs 7/3, relative");
        assertEquals(0.6, runs.get(1).headline().estimate(), 1e-12, "Sweden only: mean 4 vs 2.5, relative");
        try (DuckDbEngine db = ws.engine(true)) {
            assertEquals(0, db.query("SELECT count(*) AS n FROM duckdb_views() WHERE view_name = 'data'").getLong(0, "n"),
                    "the view `data` of the run is temporary, not stored in the workspace");
            assertEquals(2, RunHistory.read(db, null, false).size());
        }
    }

    @Test
    void sparkWithoutTheSparkJarIsOneLineAndStoresNothing() throws IOException {
        Workspace ws = workspace("engine: spark\nspark_master: local[2]\nstudies:\n  a:\n    method: ab\n    data: e.csv\n"
                + "    variant: variant\n    metric: m\n");
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        CeterisException e = assertThrows(CeterisException.class, () -> StudyRunner.run(ws, c.studies(), "test"));
        assertEquals("engine spark needs the ceteris-spark jar (this is the DuckDB-only jar); see docs/spark.md", e.getMessage());
        try (DuckDbEngine db = ws.engine(true)) {
            assertFalse(RunHistory.exists(db), "nothing stored");
        }
        // the same study on DuckDB, as `ceteris run --engine duckdb` asks
        assertEquals(1, StudyRunner.run(ws, c.engine().override("duckdb", null), c.studies(), "test").size());
    }

    @Test
    void aMissingFileNamesTheStudy() throws IOException {
        Workspace ws = workspace("studies:\n  a:\n    method: ab\n    data: nope.parquet\n    variant: variant\n    metric: m\n");
        CeterisException e = assertThrows(CeterisException.class,
                () -> StudyRunner.run(ws, WorkspaceConfig.read(ws.config()).studies(), "test"));
        assertTrue(e.getMessage().startsWith("study 'a': file not found: "), e.getMessage());
    }
}
