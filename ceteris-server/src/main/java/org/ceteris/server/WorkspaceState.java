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
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * What the server knows about its workspace: the studies of ceteris.yaml and their stored runs,
 * read into memory and re-read only when the config or database files change (a stat of three
 * files per request). The database is never held open between requests, so {@code ceteris run}
 * in another process can write; reads use short read-only connections, a run opens read-write for
 * its duration only. Within this process a read/write lock keeps read-only and read-write
 * connections apart (DuckDB refuses both at once on one file).
 */
final class WorkspaceState {

    /** Settings of every read-only connection this server opens (user SQL must not reach files). */
    static final Map<String, String> READ_SETTINGS = Map.of("enable_external_access", "false");

    private static final long RECHECK_NANOS = 100_000_000L;

    private final Workspace workspace;
    private final String version;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    WorkspaceState(Workspace workspace, String version) {
        this.workspace = workspace;
        this.version = version;
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
        List<StoredRun> history = List.of();
        Map<String, StoredRun> latest = new LinkedHashMap<>();
        if (Files.exists(workspace.database())) {
            lock.readLock().lock();
            try (DuckDbEngine engine = DuckDbEngine.onFile(workspace.database(), true, READ_SETTINGS)) {
                history = RunHistory.read(engine, null, false);
                if (RunHistory.exists(engine)) {
                    for (StoredRun r : RunHistory.readLatest(engine)) {
                        latest.put(r.study(), r);
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        Map<String, List<StoredRun>> byStudy = new LinkedHashMap<>();
        for (StoredRun r : history) {
            byStudy.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r);
        }
        return Snapshot.of(fp, config, configError, byStudy, latest);
    }

    /** Runs one study now, storing the result; fails with 409 when another process holds the database. */
    StoredRun run(StudySpec spec) {
        lock.writeLock().lock();
        try {
            StoredRun run = StudyRunner.run(workspace, List.of(spec), version).get(0);
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

    /** A read-only connection for user SQL; the caller closes it and must hold {@link #readLock()}. */
    DuckDbEngine openReadOnly() {
        if (!Files.exists(workspace.database())) {
            throw Problem.badRequest("no-database", "the workspace has no data yet; import a table with `ceteris import`");
        }
        return DuckDbEngine.onFile(workspace.database(), true, READ_SETTINGS);
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
                    Map<String, List<StoredRun>> history, Map<String, StoredRun> latest,
                    Map<String, byte[]> studyJson, byte[] listJson) {

        static Snapshot of(String fp, WorkspaceConfig config, String configError,
                           Map<String, List<StoredRun>> history, Map<String, StoredRun> latest) {
            Map<String, byte[]> study = new LinkedHashMap<>();
            for (StudySpec s : config.studies()) {
                study.put(s.name(), StudyViews.detailJson(s, history.getOrDefault(s.name(), List.of()), latest.get(s.name())));
            }
            byte[] list = StudyViews.listJson(config, configError, history, latest);
            return new Snapshot(fp, config, configError, history, latest, study, list);
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
