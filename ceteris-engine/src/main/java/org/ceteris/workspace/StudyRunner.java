package org.ceteris.workspace;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Engines;
import org.ceteris.json.Json;
import org.ceteris.metrics.MetricCatalog;
import org.ceteris.metrics.MetricStudies;
import org.ceteris.result.CeterisResult;
import org.ceteris.studies.StudyMethod;
import org.ceteris.studies.StudySpec;

/**
 * Runs studies of a workspace and stores their results. All studies are computed first, then
 * stored in one transaction: a failure (bad parameters, a crash, a full disk) stores nothing and
 * leaves the earlier history intact. The database is opened read-write only for the run; another
 * process holding it gives the one-line "workspace is busy" error. With {@code engine: spark} the
 * studies read their data on Spark, and the workspace's DuckDB file is opened only to store the
 * results once Spark has computed them all.
 */
public final class StudyRunner {

    /** Spark's name for a relation it cannot find, with the name in back quotes. */
    private static final Pattern NOT_FOUND = Pattern.compile("TABLE_OR_VIEW_NOT_FOUND\\].*?`([^`]+)`");

    private StudyRunner() {
    }

    /** Runs {@code studies} now on the engine {@code ceteris.yaml} names and returns the stored runs, in the order given. */
    public static List<StoredRun> run(Workspace workspace, List<StudySpec> studies, String version) {
        return run(workspace, studies, version, Map.of());
    }

    /**
     * As {@link #run(Workspace, List, String)}, with these DuckDB settings on the workspace's
     * connection (the server's {@code memory_limit} and {@code threads}).
     */
    public static List<StoredRun> run(Workspace workspace, List<StudySpec> studies, String version, Map<String, String> duckDbSettings) {
        StudyEngine engine = Files.exists(workspace.config()) ? WorkspaceConfig.read(workspace.config()).engine() : StudyEngine.DUCKDB;
        return run(workspace, engine, studies, version, duckDbSettings);
    }

    /** Runs {@code studies} now, reading their data on {@code engine}, and returns the stored runs, in the order given. */
    public static List<StoredRun> run(Workspace workspace, StudyEngine engine, List<StudySpec> studies, String version) {
        return run(workspace, engine, studies, version, Map.of());
    }

    /** As {@link #run(Workspace, StudyEngine, List, String)}, with these DuckDB settings on the workspace's connection. */
    public static List<StoredRun> run(Workspace workspace, StudyEngine engine, List<StudySpec> studies, String version,
                                      Map<String, String> duckDbSettings) {
        return run(workspace, engine, studies, version, duckDbSettings, (db, stored) -> { });
    }

    /** Work done with the stored runs inside the transaction that stores them: its failure stores nothing. */
    @FunctionalInterface
    public interface AfterStore {
        void accept(DuckDbEngine db, List<StoredRun> stored);
    }

    /**
     * As {@link #run(Workspace, StudyEngine, List, String, Map)}, and {@code after} runs inside the
     * transaction that stores the runs (the live loop records its events and revisions there).
     */
    public static List<StoredRun> run(Workspace workspace, StudyEngine engine, List<StudySpec> studies, String version,
                                      Map<String, String> duckDbSettings, AfterStore after) {
        if (studies.isEmpty()) {
            throw new CeterisException(Workspace.CONFIG + " lists no studies; add one under 'studies:' (see docs/dashboard.md)");
        }
        List<StoredRun> computed;
        if (engine.isDuckDb()) {
            try (DuckDbEngine db = workspace.engine(false, duckDbSettings)) {
                return store(db, computeAll(db, workspace, studies, version), after);
            }
        }
        try (Engine other = Engines.openOptional(engine.name(), engine.sparkMaster())) {
            computed = computeAll(other, workspace, studies, version);
        } catch (CeterisException e) {
            throw workspaceTableHint(workspace, engine, e);
        }
        try (DuckDbEngine db = workspace.engine(false, duckDbSettings)) {
            return store(db, computed, after);
        }
    }

    private static List<StoredRun> computeAll(Engine engine, Workspace workspace, List<StudySpec> studies, String version) {
        List<StoredRun> computed = new ArrayList<>();
        MetricCatalog catalog = null;
        for (StudySpec spec : studies) {
            if (catalog == null && MetricStudies.uses(spec)) {
                catalog = Files.exists(workspace.config()) ? WorkspaceConfig.read(workspace.config()).catalog() : MetricCatalog.EMPTY;
            }
            computed.add(compute(engine, workspace, spec, version, catalog));
        }
        return computed;
    }

    private static List<StoredRun> store(DuckDbEngine db, List<StoredRun> computed, AfterStore after) {
        List<List<StoredRun>> stored = new ArrayList<>();
        // the history table is created with the first stored run: a study that fails leaves the file as it was
        db.inTransaction(() -> {
            RunHistory.ensure(db);
            List<StoredRun> appended = RunHistory.append(db, computed);
            after.accept(db, appended);
            stored.add(appended);
        });
        return stored.get(0);
    }

    private static StoredRun compute(Engine engine, Workspace workspace, StudySpec spec, String version, MetricCatalog catalog) {
        StudyMethod method = spec.studyMethod();
        CeterisResult result;
        try {
            result = MetricStudies.uses(spec) ? MetricStudies.run(engine, spec, catalog, workspace.dir())
                    : method.run(engine, spec.source(engine, workspace.dir()), spec.params());
        } catch (CeterisException e) {
            String msg = e.getMessage();
            throw new CeterisException(msg.startsWith("study '") ? msg : "study '" + spec.name() + "': " + msg, e);
        }
        return new StoredRun(0, spec.name(), spec.method(), Instant.now(), version, Json.write(spec.toMap()),
                Json.write(result), method.headline(result, spec.params()), result.summary());
    }

    /**
     * A study on another engine that names a table only the workspace's DuckDB file holds (an
     * imported table) fails in that engine as "not found"; say instead where the table is and what to give.
     */
    private static CeterisException workspaceTableHint(Workspace workspace, StudyEngine engine, CeterisException e) {
        Matcher m = NOT_FOUND.matcher(e.getMessage());
        if (!m.find() || !Files.exists(workspace.database())) {
            return e;
        }
        String[] parts = m.group(1).split("\\.");
        String table = parts[parts.length - 1];
        boolean inWorkspace;
        try (DuckDbEngine db = workspace.engine(true)) {
            inWorkspace = db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE lower(table_name) = '"
                    + table.toLowerCase(Locale.ROOT).replace("'", "''") + "'").getLong(0, "n") > 0;
        } catch (CeterisException ignored) {
            return e; // the workspace is busy or unreadable: Spark's own message still says what is missing
        }
        if (!inWorkspace) {
            return e;
        }
        String study = e.getMessage().startsWith("study '") ? e.getMessage().substring(0, e.getMessage().indexOf("': ") + 3) : "";
        return new CeterisException(study + "table '" + table + "' exists only in the workspace's " + Workspace.DATABASE
                + ", which the " + engine.name() + " engine cannot read; point the study at its Parquet or CSV file with "
                + "'data: PATH' or at a table of the " + engine.name() + " catalog", e);
    }
}
