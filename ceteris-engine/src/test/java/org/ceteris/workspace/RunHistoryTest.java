package org.ceteris.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.studies.Headline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ceteris_runs: append-only, one transaction per batch, read back exactly. */
class RunHistoryTest {

    @TempDir
    Path dir;

    static StoredRun run(String study, Headline h) {
        return new StoredRun(0, study, "ab", Instant.parse("2026-11-27T10:15:30.123456Z"), "v1", "{\"method\":\"ab\"}",
                "{\"method\":\"ab\",\"summary\":\"s\"}", h, "s");
    }

    @Test
    void runsRoundTripWithTheirHeadline() {
        Workspace ws = Workspace.openOrCreate(dir);
        Headline h = new Headline("watch minutes, B vs control", 0.04, 0.01, Double.NaN, true, Headline.POSITIVE);
        try (DuckDbEngine engine = ws.engine(false)) {
            RunHistory.ensure(engine);
            engine.inTransaction(() -> RunHistory.append(engine, List.of(run("a", h), run("b", null))));
            engine.inTransaction(() -> RunHistory.append(engine, List.of(run("a", h))));
        }
        try (DuckDbEngine engine = ws.engine(true)) {
            List<StoredRun> all = RunHistory.read(engine, null, true);
            assertEquals(List.of(1L, 2L, 3L), all.stream().map(StoredRun::runId).toList());
            StoredRun first = all.get(0);
            assertEquals(Instant.parse("2026-11-27T10:15:30.123456Z"), first.runAt());
            assertEquals(h.label(), first.headline().label());
            assertEquals(0.04, first.headline().estimate());
            assertTrue(Double.isNaN(first.headline().ciHigh()), "a missing bound stays missing, not 0");
            assertEquals(null, all.get(1).headline());
            assertEquals(2, RunHistory.read(engine, "a", false).size());
            assertEquals(null, RunHistory.read(engine, "a", false).get(0).result(), "history without results");
            assertEquals(List.of(2L, 3L), RunHistory.readLatest(engine).stream().map(StoredRun::runId).toList());
        }
    }

    @Test
    void aFailureInsideTheBatchStoresNothingOfIt() {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(false)) {
            RunHistory.ensure(engine);
            engine.inTransaction(() -> RunHistory.append(engine, List.of(run("kept", null))));
            StoredRun broken = new StoredRun(0, null, "ab", Instant.now(), "v1", "{}", "{}", null, "s");
            assertThrows(CeterisException.class,
                    () -> engine.inTransaction(() -> RunHistory.append(engine, List.of(run("lost", null), broken))));
            List<StoredRun> all = RunHistory.read(engine, null, false);
            assertEquals(List.of("kept"), all.stream().map(StoredRun::study).toList());
        }
    }

    @Test
    void aWorkspaceWithoutRunsHasAnEmptyHistory() {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(true)) {
            assertTrue(RunHistory.read(engine, null, false).isEmpty());
            assertTrue(RunHistory.readLatest(engine).isEmpty());
        }
    }

    @Test
    void recentRunsPagesAndCountsReadOnlyWhatIsAsked() {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(false)) {
            RunHistory.ensure(engine);
            // a and b interleaved: a has ids 1, 3, 5, ..., 49 (25 runs), b has 2, 4, ..., 50
            List<StoredRun> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                batch.add(run("a", null));
                batch.add(run("b", null));
            }
            engine.inTransaction(() -> RunHistory.append(engine, batch));
        }
        try (DuckDbEngine engine = ws.engine(true)) {
            assertEquals(java.util.Map.of("a", 25L, "b", 25L), RunHistory.counts(engine));
            List<StoredRun> recent = RunHistory.readRecent(engine, 3);
            assertEquals(List.of(45L, 46L, 47L, 48L, 49L, 50L), recent.stream().map(StoredRun::runId).toList(), "newest 3 of each, oldest first");
            assertEquals(null, recent.get(0).result(), "headlines only");
            assertEquals(List.of(45L, 47L, 49L), ids(RunHistory.readPage(engine, "a", null, 3)));
            assertEquals(List.of(39L, 41L, 43L), ids(RunHistory.readPage(engine, "a", 45L, 3)));
            assertEquals(List.of(1L, 3L), ids(RunHistory.readPage(engine, "a", 5L, 3)), "the oldest page is short");
            assertTrue(RunHistory.readPage(engine, "a", 1L, 3).isEmpty());
            assertTrue(RunHistory.readPage(engine, "nope", null, 3).isEmpty());
        }
    }

    @Test
    void aWorkspaceWithoutRunsHasNoRecentRunsOrCounts() {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(true)) {
            assertTrue(RunHistory.readRecent(engine, 100).isEmpty());
            assertTrue(RunHistory.readPage(engine, "a", null, 100).isEmpty());
            assertTrue(RunHistory.counts(engine).isEmpty());
        }
    }

    private static List<Long> ids(List<StoredRun> runs) {
        return runs.stream().map(StoredRun::runId).toList();
    }
}
