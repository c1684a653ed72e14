package org.ceteris.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ceteris.CeterisException;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sequential study that controls an experiment: its demotions become revisions and events, once. */
class LiveRunnerTest {

    static final String ASSIGNMENT = """
            experiments:
              - {key: artwork-row, variations: [control, a, b, c], hash_version: 2}
              - {key: other, variations: [control, x], hash_version: 2}
            """;

    static final String CONFIG = """
            studies:
              artwork:
                method: sequential
                data: plays.csv
                variant: variant
                metric: played
                time: day
                demote: true
                assignment: {experiment: artwork-row}
            """;

    @TempDir
    Path dir;

    /** 14 days of plays: a and c as good as control, b far worse (demoted at an early look). */
    static void plays(Path file, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("variant,played,day\n");
        String[] arms = {"control", "a", "b", "c"};
        double[] rate = {0.30, 0.30, 0.15, 0.31};
        for (int day = 1; day <= 14; day++) {
            for (int i = 0; i < arms.length; i++) {
                for (int n = 0; n < 300; n++) {
                    csv.append(arms[i]).append(',').append(rnd.nextDouble() < rate[i] ? 1 : 0).append(',').append(java.time.LocalDate.of(2026, 11, 1).plusDays(day)).append('\n');
                }
            }
        }
        Files.writeString(file, csv);
    }

    private Workspace workspace(String config) throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), config);
        Files.writeString(dir.resolve(AssignmentFile.FILE), ASSIGNMENT);
        plays(dir.resolve("plays.csv"), 7);
        return ws;
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aDemotionWritesOneRevisionRecordedWithItsRunAndTellsItOnce() throws IOException {
        Workspace ws = workspace(CONFIG);
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        LiveRunner.Outcome first = LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z"));
        List<String> kinds = first.events().stream().map(e -> e.kind() + ":" + e.arm()).toList();
        assertTrue(kinds.contains("demoted:b"), kinds.toString());
        assertTrue(kinds.contains("revision:b"), kinds.toString());
        assertFalse(kinds.contains("demoted:a") || kinds.contains("demoted:c"), kinds.toString());

        AssignmentFile file = new AssignmentFile(dir);
        assertEquals(2, file.currentRevision());
        ExperimentConfig now = file.read().experiment("artwork-row");
        assertFalse(now.isLive(2));
        assertTrue(now.isLive(0) && now.isLive(1) && now.isLive(3));
        assertNull(file.read().experiment("other").ranges(), "the other experiment is written as it was");

        long runId = first.runs().get(0).runId();
        try (DuckDbEngine db = ws.engine(true)) {
            Rows r = db.query("SELECT revision, run_id, experiment, action, arm, look, statistic FROM " + RevisionLog.TABLE);
            assertEquals(1, r.size());
            assertEquals(2L, r.getLong(0, "revision"));
            assertEquals(runId, r.getLong(0, "run_id"));
            assertEquals("b", r.getString(0, "arm"));
            assertEquals("demote", r.getString(0, "action"));
            assertTrue(r.getLong(0, "look") >= 1);
            assertTrue(r.getDouble(0, "statistic") < 0.05, "the arm's adjusted p-value at its demotion");
        }

        // the same verdict again: no new revision, no new event
        LiveRunner.Outcome second = LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-02T06:00:00Z"));
        assertEquals(List.of(), second.events());
        assertEquals(2, file.currentRevision());
        try (DuckDbEngine db = ws.engine(true)) {
            assertEquals(first.events().size(), EventLog.read(db, null, 100).size());
            assertEquals(first.events().get(0).study(), EventLog.read(db, "artwork", 1).get(0).study());
        }
    }

    /**
     * {@code reassign: control}: the demoted arm keeps its bucket range but its slot now serves control, so
     * its units see control while every other unit keeps its variation (100,000 units); the verdict seen
     * again by the next run writes nothing more.
     */
    @Test
    void reassignControlGivesTheDemotedArmsUnitsToControlAndMovesNobodyElse() throws IOException {
        Workspace ws = workspace(CONFIG.replace("assignment: {experiment: artwork-row}", "assignment: {experiment: artwork-row, reassign: control}"));
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        AssignmentFile file = new AssignmentFile(dir);
        org.ceteris.assign.Assigner before = new org.ceteris.assign.Assigner(file.read());
        LiveRunner.Outcome first = LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z"));
        List<String> kinds = first.events().stream().map(e -> e.kind() + ":" + e.arm()).toList();
        assertTrue(kinds.contains("demoted:b") && kinds.contains("revision:b"), kinds.toString());
        assertTrue(first.events().stream().anyMatch(e -> e.kind().equals("revision") && e.message().contains("arm b's units now see control")),
                first.events().toString());
        assertEquals(2, file.currentRevision());
        ExperimentConfig now = file.read().experiment("artwork-row");
        assertEquals(List.of("control", "a", "control", "c"), now.variations());
        assertTrue(java.util.Arrays.deepEquals(org.ceteris.assignment.AssignConfigYaml.read(file.revision(1)).experiment("artwork-row").bucketRanges(), now.bucketRanges()),
                "every range is unchanged");
        org.ceteris.assign.Assigner after = new org.ceteris.assign.Assigner(file.read());
        int moved = 0;
        for (int i = 0; i < 100_000; i++) {
            String unit = "member-" + i;
            String was = before.assign(unit, Map.of()).assignments().get(0).variation();
            String is = after.assign(unit, Map.of()).assignments().get(0).variation();
            if (was.equals("b")) {
                assertEquals("control", is, unit);
                moved++;
            } else {
                assertEquals(was, is, unit + " keeps its variation");
            }
        }
        assertTrue(moved > 20_000, "a quarter of the units were in b: " + moved);
        LiveRunner.Outcome second = LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-02T06:00:00Z"));
        assertEquals(List.of(), second.events(), "b is no longer a variation name, and it was already reassigned");
        assertEquals(2, file.currentRevision());
    }

    @Test
    void anUnknownExperimentOrAnInvalidAssignmentFileChangesNothing() throws IOException {
        Workspace ws = workspace(CONFIG.replace("artwork-row}", "artwork-rows}"));
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        CeterisException e = assertThrows(CeterisException.class,
                () -> LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z")));
        assertTrue(e.getMessage().startsWith("study 'artwork': unknown experiment 'artwork-rows'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertNoRun(ws);

        Files.writeString(ws.config(), CONFIG);
        Files.writeString(dir.resolve(AssignmentFile.FILE), ASSIGNMENT.replace("[control, a, b, c]", "[control, a, a]"));
        WorkspaceConfig c2 = WorkspaceConfig.read(ws.config());
        CeterisException bad = assertThrows(CeterisException.class,
                () -> LiveRunner.run(ws, c2, c2.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z")));
        assertTrue(bad.getMessage().contains("duplicate variation 'a'"), bad.getMessage());
        assertNoRun(ws);
        assertFalse(Files.exists(dir.resolve(AssignmentFile.REVISIONS)));
    }

    private static void assertNoRun(Workspace ws) {
        try (DuckDbEngine db = ws.engine(true)) {
            assertEquals(0, db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'ceteris_r%'").getLong(0, "n"));
        }
    }

    @Test
    void loopSettingsAreCheckedWhenTheConfigIsRead() {
        CeterisException notSequential = assertThrows(CeterisException.class, () -> WorkspaceConfig.parse("""
                studies:
                  home:
                    method: ab
                    table: t
                    variant: v
                    metric: m
                    assignment: {experiment: home}
                """, "ceteris.yaml"));
        assertTrue(notSequential.getMessage().contains("'assignment' works only with method: sequential"), notSequential.getMessage());
        CeterisException schedule = assertThrows(CeterisException.class, () -> WorkspaceConfig.parse(
                CONFIG + "    schedule: daily 25:00\n", "ceteris.yaml"));
        assertTrue(schedule.getMessage().contains("between 00:00 and 23:59"), schedule.getMessage());
        CeterisException cron = assertThrows(CeterisException.class, () -> WorkspaceConfig.parse(
                CONFIG + "    schedule: \"61 * * * *\"\n", "ceteris.yaml"));
        assertTrue(cron.getMessage().contains("not a valid cron expression"), cron.getMessage());
        CeterisException url = assertThrows(CeterisException.class, () -> WorkspaceConfig.parse(
                "alerts: [{url: 'ftp://x'}]\n" + CONFIG, "ceteris.yaml"));
        assertTrue(url.getMessage().contains("must be an http:// or https:// URL"), url.getMessage());
        WorkspaceConfig ok = WorkspaceConfig.parse("timezone: Europe/Amsterdam\nalerts: [{url: 'http://127.0.0.1:9/x', format: slack}]\n"
                + CONFIG + "    schedule: daily 06:00\n    on_winner: ship\n", "ceteris.yaml");
        assertEquals("Europe/Amsterdam", ok.live().zone().getId());
        assertEquals("30 5 * * *".replace("30 5", "0 6"), ok.loop("artwork").schedule().cron());
        assertTrue(ok.loop("artwork").shipWinner());
        assertEquals("slack", ok.live().alerts().get(0).format());
    }

    @Test
    void aWinnerIsShippedToEveryUnitWithOnWinnerShip() throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), CONFIG + "    on_winner: ship\n");
        Files.writeString(dir.resolve(AssignmentFile.FILE), ASSIGNMENT);
        Random rnd = new Random(11);
        StringBuilder csv = new StringBuilder("variant,played,day\n");
        String[] arms = {"control", "a", "b", "c"};
        double[] rate = {0.30, 0.30, 0.30, 0.50};
        for (int day = 1; day <= 14; day++) {
            for (int i = 0; i < arms.length; i++) {
                for (int n = 0; n < 300; n++) {
                    csv.append(arms[i]).append(',').append(rnd.nextDouble() < rate[i] ? 1 : 0).append(',')
                            .append(java.time.LocalDate.of(2026, 11, 1).plusDays(day)).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("plays.csv"), csv);
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        LiveRunner.Outcome o = LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z"));
        List<String> kinds = o.events().stream().map(e -> e.kind() + ":" + e.arm()).toList();
        assertTrue(kinds.contains("winner:c") && kinds.contains("revision:c"), kinds.toString());
        ExperimentConfig now = new AssignmentFile(dir).read().experiment("artwork-row");
        assertEquals(List.of(List.of(0.0, 0.0), List.of(0.0, 0.0), List.of(0.0, 0.0), List.of(0.0, 1.0)), now.ranges());
        try (DuckDbEngine db = ws.engine(true)) {
            assertEquals("ship", db.query("SELECT action FROM " + RevisionLog.TABLE + " WHERE arm = 'c'").getString(0, "action"));
        }
        assertEquals(List.of(), LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-02T06:00:00Z")).events()
                .stream().filter(e -> e.kind().equals(Event.REVISION)).toList(), "shipped once");
    }

    /** A run whose store fails after it wrote a revision takes the revision back: no revision without its record. */
    @Test
    void aRunThatIsNotStoredLeavesAssignmentAsItWas() throws IOException {
        Workspace ws = workspace(CONFIG);
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        byte[] before = Files.readAllBytes(dir.resolve(AssignmentFile.FILE));
        org.ceteris.CeterisException e = assertThrows(org.ceteris.CeterisException.class, () -> LiveRunner.run(ws, c, c.engine(),
                c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z"), (db, stored) -> {
                    assertEquals(2, new AssignmentFile(dir).currentRevision(), "the revision was written before the failure");
                    throw new org.ceteris.CeterisException("the commit failed");
                }));
        assertEquals("the commit failed", e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve(AssignmentFile.FILE))), "assignment.yaml as it was");
        assertEquals(1, new AssignmentFile(dir).currentRevision());
        assertNoRun(ws);
        // the next run that is stored writes the revision with its record
        LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T07:00:00Z"));
        assertEquals(2, new AssignmentFile(dir).currentRevision());
    }

    /** A revision written by a run that crashed before it was stored has no record: the next run takes it back first. */
    @Test
    void aRevisionWithoutItsRecordIsTakenBackByTheNextRun() throws IOException {
        Workspace ws = workspace(CONFIG);
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-01T06:00:00Z"));
        AssignmentFile file = new AssignmentFile(dir);
        byte[] recorded = Files.readAllBytes(file.path());
        // what a crash between the rename and the commit leaves: revision 3 on disk, no record of it
        org.ceteris.assign.AssignConfig now = file.read();
        List<ExperimentConfig> experiments = new java.util.ArrayList<>(now.experiments());
        ExperimentConfig row = now.experiment("artwork-row");
        experiments.set(experiments.indexOf(row), row.without(List.of("a")));
        assertEquals(3, file.write(new org.ceteris.assign.AssignConfig(now.namespaces(), experiments)));

        LiveRunner.run(ws, c, c.studies(), "test", Map.of(), at("2026-12-02T06:00:00Z"));
        assertEquals(2, file.currentRevision(), "the unrecorded revision 3 is taken back");
        assertTrue(java.util.Arrays.equals(recorded, Files.readAllBytes(file.path())));
        assertTrue(file.read().experiment("artwork-row").isLive(1), "arm a was never demoted by a stored run");
    }
}
