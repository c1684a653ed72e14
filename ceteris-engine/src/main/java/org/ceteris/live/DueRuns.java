package org.ceteris.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * Runs the scheduled studies that are due, each in its own transaction that also stores its due
 * time, so that a restart neither loses nor repeats a run. A study that fails is recorded as a
 * "failed" event and marked as run for that due time (it is tried again at its next one); a study
 * that is already running in this process is left for the next look.
 */
public final class DueRuns {

    /** What one look did: the due studies, what ran, the events and the failures (study: message). */
    public record Report(List<Schedules.Due> due, List<LiveRunner.Outcome> runs, List<Event> events, List<String> failures) {
    }

    private DueRuns() {
    }

    public static Report run(Workspace workspace, String version, Map<String, String> duckDbSettings, Clock clock, StudyLocks locks) {
        WorkspaceConfig config = WorkspaceConfig.read(workspace.config());
        Instant now = clock.instant();
        if (config.live().studies().values().stream().allMatch(l -> l.schedule() == null)) {
            return new Report(List.of(), List.of(), List.of(), List.of()); // nothing scheduled: the database is not opened
        }
        Map<String, Instant> done;
        try (DuckDbEngine db = workspace.engine(false, duckDbSettings)) {
            done = Schedules.read(db);
        }
        List<Schedules.Due> due = Schedules.due(config.live(), done, now);
        List<LiveRunner.Outcome> runs = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Schedules.Due d : due) {
            ReentrantLock lock = locks.tryLock(d.study());
            if (lock == null) {
                continue;
            }
            try {
                LiveRunner.Outcome o = LiveRunner.run(workspace, config, config.engine(), List.of(config.study(d.study())), version,
                        duckDbSettings, clock, (db, stored) -> Schedules.mark(db, d.study(), d.dueAt()));
                runs.add(o);
                events.addAll(o.events());
            } catch (CeterisException e) {
                if (e.getMessage().startsWith("workspace is busy")) {
                    continue; // another process holds the database: the study stays due
                }
                failures.add(d.study() + ": " + e.getMessage());
                events.addAll(LiveRunner.recordFailure(workspace, d.study(), e.getMessage(), duckDbSettings, clock,
                        db -> Schedules.mark(db, d.study(), d.dueAt())));
            } finally {
                lock.unlock();
            }
        }
        return new Report(due, runs, events, failures);
    }
}
