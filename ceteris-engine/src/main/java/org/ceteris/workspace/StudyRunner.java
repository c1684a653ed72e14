package org.ceteris.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.result.CeterisResult;
import org.ceteris.studies.StudyMethod;
import org.ceteris.studies.StudySpec;

/**
 * Runs studies of a workspace and stores their results. All studies are computed first, then
 * stored in one transaction: a failure (bad parameters, a crash, a full disk) stores nothing and
 * leaves the earlier history intact. The database is opened read-write only for the run; another
 * process holding it gives the one-line "workspace is busy" error.
 */
public final class StudyRunner {

    private StudyRunner() {
    }

    /** Runs {@code studies} now and returns the stored runs, in the order given. */
    public static List<StoredRun> run(Workspace workspace, List<StudySpec> studies, String version) {
        return run(workspace, studies, version, Map.of());
    }

    /** As {@link #run(Workspace, List, String)}, on a connection with these DuckDB settings. */
    public static List<StoredRun> run(Workspace workspace, List<StudySpec> studies, String version, Map<String, String> settings) {
        if (studies.isEmpty()) {
            throw new CeterisException(Workspace.CONFIG + " lists no studies; add one under 'studies:' (see docs/dashboard.md)");
        }
        try (DuckDbEngine engine = workspace.engine(false, settings)) {
            List<StoredRun> computed = new ArrayList<>();
            for (StudySpec spec : studies) {
                computed.add(compute(engine, spec, version));
            }
            List<List<StoredRun>> stored = new ArrayList<>();
            // the history table is created with the first stored run: a study that fails leaves the file as it was
            engine.inTransaction(() -> {
                RunHistory.ensure(engine);
                stored.add(RunHistory.append(engine, computed));
            });
            return stored.get(0);
        }
    }

    private static StoredRun compute(DuckDbEngine engine, StudySpec spec, String version) {
        StudyMethod method = spec.studyMethod();
        CeterisResult result;
        try {
            result = method.run(engine, spec.source(), spec.params());
        } catch (CeterisException e) {
            String msg = e.getMessage();
            throw new CeterisException(msg.startsWith("study '") ? msg : "study '" + spec.name() + "': " + msg, e);
        }
        return new StoredRun(0, spec.name(), spec.method(), Instant.now(), version, Json.write(spec.toMap()),
                Json.write(result), method.headline(result, spec.params()), result.summary());
    }
}
