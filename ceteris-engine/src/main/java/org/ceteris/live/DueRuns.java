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
 * that is already running in this process is left for the next look. The database is opened (read-write)
 * only when a study looks due by what this process last read of the stored due times ({@link Known}),
 * so the looks of an idle server never stand in the way of another process writing the workspace;
 * the stored times are read again before anything runs, so a study run meanwhile by another process
 * is not run twice.
 */
public final class DueRuns {

    /** What one look did: the due studies, what ran, the events and the failures (study: message). */
    public record Report(List<Schedules.Due> due, List<LiveRunner.Outcome> runs, List<Event> events, List<String> failures) {
    }

    /** The stored due times as this process last read or wrote them; null before the first read. */
    public static final class Known {
        private volatile Map<String, Instant> done;
    }

    private DueRuns() {
    }

    /** One look that reads the stored due times whatever it knew (a single look: {@code ceteris schedule --once}). */
    public static Report run(Workspace workspace, String version, Map<String, String> duckDbSettings, Clock clock, StudyLocks locks) {
        return run(workspace, version, duckDbSettings, clock, locks, new Known());
    }

    public static Report run(Workspace workspace, String version, Map<String, String> duckDbSettings, Clock clock, StudyLocks locks,
                             Known known) {
        WorkspaceConfig config = WorkspaceConfig.read(workspace.config());
        Instant now = clock.instant();
        Report nothing = new Report(List.of(), List.of(), List.of(), List.of());
        if (config.live().studies().values().stream().allMatch(l -> l.schedule() == null)) {
            return nothing; // nothing scheduled: the database is not opened
        }
        if (known.done != null && Schedules.due(config.live(), known.done, now).isEmpty()) {
            return nothing; // nothing can be due: other processes only move the stored times forward
        }
        Map<String, Instant> done;
        try (DuckDbEngine db = workspace.engine(false, duckDbSettings)) {
            done = new java.util.concurrent.ConcurrentHashMap<>(Schedules.read(db));
        } catch (CeterisException e) {
            if (e.getMessage().startsWith("workspace is busy")) {
                return nothing; // another process holds the database: look again next time
            }
            throw e;
        }
        known.done = done;
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
                done.put(d.study(), d.dueAt());
            } catch (CeterisException e) {
                if (e.getMessage().startsWith("workspace is busy")) {
                    continue; // another process holds the database: the study stays due
                }
                failures.add(d.study() + ": " + e.getMessage());
                events.addAll(LiveRunner.recordFailure(workspace, d.study(), e.getMessage(), duckDbSettings, clock,
                        db -> Schedules.mark(db, d.study(), d.dueAt())));
                done.put(d.study(), d.dueAt());
            } finally {
                lock.unlock();
            }
        }
        return new Report(due, runs, events, failures);
    }
}
