package org.ceteris.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.live.DueRuns;
import org.ceteris.live.Event;
import org.ceteris.live.EventLog;
import org.ceteris.live.LiveRunner;
import org.ceteris.live.StudyLocks;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StudyEngine;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live loop of one workspace in one process: runs studies (on demand or when due) with their
 * events and revisions, one run of a study at a time, and sends each run's events to the webhooks
 * of {@code alerts:} without waiting for them; a webhook that stays dead becomes an event itself.
 * {@code writeLock} (the server's) keeps this process's readers off the database while it writes.
 */
public final class LiveLoop {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLoop.class);

    private final Workspace workspace;
    private final String version;
    private final Map<String, String> settings;
    private final Clock clock;
    private final List<Duration> backoff;
    private final Lock writeLock;
    private final StudyLocks locks = new StudyLocks();
    private final DueRuns.Known known = new DueRuns.Known();
    private volatile Webhooks last;

    public LiveLoop(Workspace workspace, String version, Map<String, String> settings, Clock clock, List<Duration> backoff, Lock writeLock) {
        this.workspace = workspace;
        this.version = version;
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
        this.writeLock = writeLock;
    }

    /** Runs {@code studies} now on {@code engine} (null: the config's); fails if one of them is running already. */
    public LiveRunner.Outcome run(List<StudySpec> studies, StudyEngine engine) {
        WorkspaceConfig config = WorkspaceConfig.read(workspace.config());
        List<java.util.concurrent.locks.ReentrantLock> held = new java.util.ArrayList<>();
        writeLock.lock();
        try {
            for (StudySpec s : studies) {
                java.util.concurrent.locks.ReentrantLock l = locks.tryLock(s.name());
                if (l == null) {
                    throw new CeterisException("study '" + s.name() + "' is running already; try again when it has finished");
                }
                held.add(l);
            }
            LiveRunner.Outcome o = LiveRunner.run(workspace, config, engine == null ? config.engine() : engine, studies, version,
                    settings, clock, (db, stored) -> { });
            alert(config, o.events());
            return o;
        } finally {
            held.forEach(java.util.concurrent.locks.ReentrantLock::unlock);
            writeLock.unlock();
        }
    }

    /** Runs whatever is due now. */
    public DueRuns.Report runDue() {
        writeLock.lock();
        try {
            DueRuns.Report r = DueRuns.run(workspace, version, settings, clock, locks, known);
            if (!r.events().isEmpty()) {
                alert(WorkspaceConfig.read(workspace.config()), r.events());
            }
            return r;
        } finally {
            writeLock.unlock();
        }
    }

    /** Waits for the webhooks of the last run, at most {@code max} (the CLI, before it exits). */
    public boolean awaitAlerts(Duration max) {
        Webhooks w = last;
        return w == null || w.await(max);
    }

    private void alert(WorkspaceConfig config, List<Event> events) {
        if (config.live().alerts().isEmpty() || events.isEmpty()) {
            return;
        }
        Webhooks w = new Webhooks(config.live().alerts(), backoff, Duration.ofSeconds(10), this::store);
        last = w;
        w.send(events);
    }

    /** Stores an event outside a run (a dead webhook). */
    void store(Event e) {
        writeLock.lock();
        try (DuckDbEngine db = workspace.engine(false, settings)) {
            db.inTransaction(() -> EventLog.append(db, List.of(e)));
        } catch (CeterisException ex) {
            LOG.warn("could not store event '{}': {}", e.message(), ex.getMessage());
        } finally {
            writeLock.unlock();
        }
    }
}
