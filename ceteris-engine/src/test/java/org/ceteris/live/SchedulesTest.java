package org.ceteris.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Due times with an injected clock: once per due time, across restarts, missed runs once. */
class SchedulesTest {

    @TempDir
    Path dir;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static LiveConfig live(String yamlTop, String schedule) {
        return WorkspaceConfig.parse(yamlTop + """
                studies:
                  s:
                    method: ab
                    table: t
                    variant: v
                    metric: m
                    schedule: "%s"
                """.formatted(schedule), "ceteris.yaml").live();
    }

    @Test
    void dueTimesFollowTheScheduleInTheWorkspacesTimeZone() {
        LiveConfig utc = live("", "daily 06:00");
        Instant six = Instant.parse("2026-12-01T06:00:00Z");
        assertEquals(List.of(new Schedules.Due("s", six)), Schedules.due(utc, Map.of(), Instant.parse("2026-12-01T06:00:00Z")),
                "a due time equal to now is due");
        assertEquals(List.of(), Schedules.due(utc, Map.of("s", six), Instant.parse("2026-12-02T05:59:59Z")));
        assertEquals(List.of(new Schedules.Due("s", Instant.parse("2026-12-03T06:00:00Z"))),
                Schedules.due(utc, Map.of("s", six), Instant.parse("2026-12-03T17:00:00Z")), "two missed days: one run, for the latest");
        LiveConfig amsterdam = live("timezone: Europe/Amsterdam\n", "daily 06:00");
        assertEquals(Instant.parse("2026-12-01T05:00:00Z"),
                Schedules.due(amsterdam, Map.of(), Instant.parse("2026-12-01T05:30:00Z")).get(0).dueAt(), "06:00 in Amsterdam is 05:00 UTC in winter");
        assertEquals(Instant.parse("2026-12-01T13:00:00Z"),
                Schedules.due(live("", "hourly"), Map.of(), Instant.parse("2026-12-01T13:59:00Z")).get(0).dueAt());
        assertEquals(Instant.parse("2026-11-30T09:15:00Z"), // a Monday
                Schedules.due(live("", "15 9 * * 1"), Map.of(), Instant.parse("2026-12-04T12:00:00Z")).get(0).dueAt());
    }

    @Test
    void aStudyRunsOncePerDueTimeAcrossARestartAndAMissedRunOnceAtStartUp() throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(dir.resolve("t.csv"), "v,m\ncontrol,1\ncontrol,2\nb,2\nb,4\n");
        Files.writeString(ws.config(), """
                studies:
                  s:
                    method: ab
                    data: t.csv
                    variant: v
                    metric: m
                    schedule: daily 06:00
                  manual:
                    method: ab
                    data: t.csv
                    variant: v
                    metric: m
                """);
        // the server starts at 06:00:30 and looks every 30 s until 06:02
        StudyLocks locks = new StudyLocks();
        int runs = 0;
        for (String t : List.of("2026-12-01T06:00:30Z", "2026-12-01T06:01:00Z", "2026-12-01T06:01:30Z")) {
            runs += DueRuns.run(ws, "test", Map.of(), at(t), locks).runs().size();
        }
        assertEquals(1, runs, "one run for the 06:00 due time");
        // restart (new process state) at the same moment: nothing is due again
        assertEquals(0, DueRuns.run(ws, "test", Map.of(), at("2026-12-01T06:02:00Z"), new StudyLocks()).runs().size());
        // down from Dec 1 to Dec 4 10:00: the missed due times (Dec 2, 3, 4) give one run at start-up
        DueRuns.Report up = DueRuns.run(ws, "test", Map.of(), at("2026-12-04T10:00:00Z"), new StudyLocks());
        assertEquals(1, up.runs().size());
        assertEquals(Instant.parse("2026-12-04T06:00:00Z"), up.due().get(0).dueAt());
        assertEquals(0, DueRuns.run(ws, "test", Map.of(), at("2026-12-04T10:00:30Z"), new StudyLocks()).runs().size());
        try (DuckDbEngine db = ws.engine(true)) {
            assertEquals(2, RunHistory.read(db, "s", false).size());
            assertEquals(0, RunHistory.read(db, "manual", false).size(), "a study without a schedule is not run");
        }
    }

    @Test
    void aFailingScheduledStudyIsToldOnceAndNotRetriedBeforeItsNextDueTime() throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), """
                studies:
                  s:
                    method: ab
                    data: missing.csv
                    variant: v
                    metric: m
                    schedule: hourly
                """);
        DueRuns.Report first = DueRuns.run(ws, "test", Map.of(), at("2026-12-01T06:00:10Z"), new StudyLocks());
        assertEquals(1, first.failures().size());
        assertEquals(List.of(Event.FAILED), first.events().stream().map(Event::kind).toList());
        assertEquals(0, DueRuns.run(ws, "test", Map.of(), at("2026-12-01T06:30:00Z"), new StudyLocks()).due().size(), "not retried within the hour");
        DueRuns.Report next = DueRuns.run(ws, "test", Map.of(), at("2026-12-01T07:00:10Z"), new StudyLocks());
        assertEquals(1, next.failures().size(), "tried again at the next due time");
        assertEquals(List.of(), next.events(), "the same failure is told once");
        try (DuckDbEngine db = ws.engine(true)) {
            assertTrue(EventLog.read(db, "s", 10).get(0).message().startsWith("the study failed: "));
        }
    }
}
