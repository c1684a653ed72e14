package org.ceteris.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * What the server knows about its workspace: the studies of ceteris.yaml and their stored runs,
 * read into memory and re-read only when the config or database files change (a stat of three
 * files per request). The database is never held open between requests, so {@code ceteris run}
 * in another process can write; reads use short read-only connections, a run opens read-write for
 * its duration only. Within this process a read/write lock keeps read-only and read-write
 * connections apart (DuckDB refuses both at once on one file). Every connection gets the same
 * DuckDB limits ({@code memory_limit}, {@code threads}). Only the newest {@link #RECENT} runs of
 * each study and the run counts are kept in memory, so memory and the cost of a re-read do not grow
 * with the history; older pages are read from the database on request.
 */
final class WorkspaceState {

    /** Settings of every read-only connection this server opens (user SQL must not reach files). */
    static final Map<String, String> READ_SETTINGS = Map.of("enable_external_access", "false");

    /** Runs per study kept in memory: the history page served by default and drawn on the study page. */
    static final int RECENT = 100;

    private static final long RECHECK_NANOS = 100_000_000L;

    private final Workspace workspace;
    private final String version;
    private final Map<String, String> runSettings;
    private final Map<String, String> readSettings;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final LiveLoop live;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    /** With DuckDB's default limits (for a one-off read such as the HTML report). */
    WorkspaceState(Workspace workspace, String version) {
        this(workspace, version, Map.of());
    }

    /** {@code duckdb}: settings of every connection, such as {@code memory_limit} and {@code threads}. */
    WorkspaceState(Workspace workspace, String version, Map<String, String> duckdb) {
        this(workspace, version, duckdb, java.time.Clock.systemUTC());
    }

    /** {@code clock}: the time of events and of the schedule (tests give their own). */
    WorkspaceState(Workspace workspace, String version, Map<String, String> duckdb, java.time.Clock clock) {
        this.workspace = workspace;
        this.live = new LiveLoop(workspace, version, duckdb, clock, Webhooks.BACKOFF, lock.writeLock());
        this.version = version;
        this.runSettings = Map.copyOf(duckdb);
        Map<String, String> read = new LinkedHashMap<>(duckdb);
        read.putAll(READ_SETTINGS);
        this.readSettings = Map.copyOf(read);
    }

    Workspace workspace() {
        return workspace;
    }

    /** The studies and runs as of now (re-read if the files changed since the last look). */
    Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - checkedAt < RECHECK_NANOS) {
            return s;
        }
        String fp = fingerprint();
        checkedAt = now;
        if (s != null && s.fingerprint().equals(fp)) {
            return s;
        }
        if (s != null && lock.isWriteLocked()) {
            // a run of this server is writing: answer from memory, look again on the next request
            checkedAt = 0;
            return s;
        }
        synchronized (this) {
            if (snapshot != null && snapshot.fingerprint().equals(fp)) {
                return snapshot;
            }
            try {
                snapshot = load(fp);
            } catch (CeterisException e) {
                if (snapshot == null || !e.getMessage().startsWith("workspace is busy")) {
                    throw busyOr(e);
                }
                // another process is writing: serve what we had, look again on the next request
                checkedAt = 0;
            }
            return snapshot;
        }
    }

    private RuntimeException busyOr(CeterisException e) {
        if (e.getMessage().startsWith("workspace is busy")) {
            return new ProblemException(503, "workspace-busy", "Workspace is busy", e.getMessage());
        }
        return e;
    }

    private Snapshot load(String fp) {
        WorkspaceConfig config;
        String configError = null;
        try {
            config = Files.exists(workspace.config()) ? WorkspaceConfig.read(workspace.config()) : new WorkspaceConfig(List.of());
        } catch (CeterisException e) {
            config = new WorkspaceConfig(List.of());
            configError = e.getMessage();
        }
        List<StoredRun> recent = List.of();
        Map<String, Long> counts = Map.of();
        Map<String, StoredRun> latest = new LinkedHashMap<>();
        if (Files.exists(workspace.database())) {
            lock.readLock().lock();
            try (DuckDbEngine engine = DuckDbEngine.onFile(workspace.database(), true, readSettings)) {
                recent = RunHistory.readRecent(engine, RECENT);
                counts = RunHistory.counts(engine);
                for (StoredRun r : RunHistory.readLatest(engine)) {
                    latest.put(r.study(), r);
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        Map<String, List<StoredRun>> byStudy = new LinkedHashMap<>();
        for (StoredRun r : recent) {
            byStudy.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r);
        }
        return Snapshot.of(fp, config, configError, byStudy, counts, latest);
    }

    /** A page of history, oldest first; {@code older}: the study has runs before the page. */
    record Page(List<StoredRun> runs, boolean older) {
    }

    /**
     * One page of a study's history: its newest {@code limit} runs with an id below {@code before}
     * (null: the newest runs). Served from memory when it can be, else read from the database.
     */
    Page page(Snapshot s, String study, Long before, int limit) {
        List<StoredRun> recent = s.recent().getOrDefault(study, List.of());
        boolean all = recent.size() == s.runs(study);
        if (all || (before == null && limit <= recent.size())) {
            long below = before == null ? Long.MAX_VALUE : before;
            List<StoredRun> older = recent.stream().filter(r -> r.runId() < below).toList();
            int from = Math.max(0, older.size() - limit);
            return new Page(older.subList(from, older.size()), from > 0 || !all);
        }
        lock.readLock().lock();
        try (DuckDbEngine engine = DuckDbEngine.onFile(workspace.database(), true, readSettings)) {
            List<StoredRun> runs = RunHistory.readPage(engine, study, before, limit + 1);
            return runs.size() > limit ? new Page(runs.subList(1, runs.size()), true) : new Page(runs, false);
        } catch (CeterisException e) {
            throw busyOr(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs one study now, storing the result; fails with 409 when another process holds the database. */
    StoredRun run(StudySpec spec) {
        lock.writeLock().lock();
        try {
            StoredRun run = live.run(List.of(spec), null).runs().get(0);
            checkedAt = 0;
            return run;
        } catch (CeterisException e) {
            if (e.getMessage().startsWith("workspace is busy")) {
                throw new ProblemException(409, "workspace-busy", "Workspace is busy", e.getMessage());
            }
            throw new ProblemException(422, "study-failed", "The study could not run", e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The live loop: scheduled runs, events, webhooks. */
    LiveLoop live() {
        return live;
    }

    /** Events, newest first, of one study or (null) all. */
    List<org.ceteris.live.Event> events(String study, int limit) {
        if (!Files.exists(workspace.database())) {
            return List.of();
        }
        lock.readLock().lock();
        try (DuckDbEngine engine = DuckDbEngine.onFile(workspace.database(), true, readSettings)) {
            return org.ceteris.live.EventLog.read(engine, study, limit);
        } catch (CeterisException e) {
            throw busyOr(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A read-only connection for user SQL; the caller closes it and must hold {@link #readLock()}. */
    DuckDbEngine openReadOnly() {
        if (!Files.exists(workspace.database())) {
            throw Problem.badRequest("no-database", "the workspace has no data yet; import a table with `ceteris import`");
        }
        return DuckDbEngine.onFile(workspace.database(), true, readSettings);
    }

    ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    private String fingerprint() {
        Path db = workspace.database();
        return stamp(workspace.config()) + "|" + stamp(db) + "|" + stamp(db.resolveSibling(db.getFileName() + ".wal"));
    }

    private static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size();
        } catch (IOException e) {
            return "-";
        }
    }

    /** Studies and runs at one moment, with the JSON documents the API serves ready-made. */
    record Snapshot(String fingerprint, WorkspaceConfig config, String configError,
                    Map<String, List<StoredRun>> recent, Map<String, Long> counts, Map<String, StoredRun> latest,
                    Map<String, byte[]> studyJson, byte[] listJson) {

        static Snapshot of(String fp, WorkspaceConfig config, String configError, Map<String, List<StoredRun>> recent,
                           Map<String, Long> counts, Map<String, StoredRun> latest) {
            Map<String, byte[]> study = new LinkedHashMap<>();
            for (StudySpec s : config.studies()) {
                study.put(s.name(), StudyViews.detailJson(s, recent.getOrDefault(s.name(), List.of()),
                        counts.getOrDefault(s.name(), 0L), latest.get(s.name())));
            }
            byte[] list = StudyViews.listJson(config, configError, recent, counts, latest);
            return new Snapshot(fp, config, configError, recent, counts, latest, study, list);
        }

        /** How many runs {@code study} has stored. */
        long runs(String study) {
            return counts.getOrDefault(study, 0L);
        }

        StudySpec spec(String name) {
            Objects.requireNonNull(name);
            if (configError != null) {
                throw new ProblemException(422, "invalid-config", "The workspace config is invalid", configError);
            }
            for (StudySpec s : config.studies()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw Problem.notFound("unknown-study", "no study '" + name + "' in " + Workspace.CONFIG
                    + (config.studies().isEmpty() ? " (it lists no studies)"
                    : "; studies: " + String.join(", ", config.studies().stream().map(StudySpec::name).toList())));
        }
    }
}
