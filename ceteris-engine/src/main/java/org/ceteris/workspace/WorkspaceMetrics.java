package org.ceteris.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Engines;
import org.ceteris.metrics.MetricSql;
import org.ceteris.metrics.MetricStudies;
import org.ceteris.metrics.MetricStudySpec;
import org.ceteris.metrics.MetricTable;
import org.ceteris.studies.StudySpec;

/**
 * The metric definitions of a workspace as analysts inspect them: the SQL a study over raw logs will
 * run, and its per-unit table written to a file. Reads only: the workspace's DuckDB file is opened
 * read-only (not created when absent), and a file is written whole or not at all.
 */
public final class WorkspaceMetrics {

    private WorkspaceMetrics() {
    }

    /** The checked spec of {@code study}, which must read raw logs. */
    public static MetricStudySpec spec(WorkspaceConfig config, String study) {
        StudySpec s = config.study(study);
        if (!MetricStudies.uses(s)) {
            throw new CeterisException("study '" + study + "' reads a table with a row per unit, not raw logs: it has no 'exposures:'");
        }
        return MetricStudies.spec(s, config.catalog());
    }

    /** The statements the study runs, checked against the data, on the engine ceteris.yaml names. */
    public static List<MetricSql.Statement> sql(Workspace ws, String study) {
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        MetricStudySpec spec = spec(config, study);
        try (Engine engine = open(ws, config.engine())) {
            return MetricTable.plan(engine, spec, ws.dir());
        }
    }

    /** Writes the study's per-unit table to {@code out} (.parquet or .csv) and returns its number of rows. */
    public static long compute(Workspace ws, String study, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean parquet = name.endsWith(".parquet");
        if (!parquet && !name.endsWith(".csv")) {
            throw new CeterisException("--out must end in .parquet or .csv, got " + out.getFileName());
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CeterisException("cannot write " + out + ": its folder does not exist");
        }
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        MetricStudySpec spec = spec(config, study);
        try (DuckDbEngine engine = duckDb(ws)) {
            MetricTable.Built built = MetricTable.build(engine, spec, ws.dir());
            Path tmp = null;
            try {
                tmp = Files.createTempFile(dir, ".ceteris-metrics", parquet ? ".parquet" : ".csv");
                engine.execute("COPY (SELECT * FROM " + MetricSql.UNITS + ") TO " + engine.dialect().literal(tmp.toString())
                        + (parquet ? " (FORMAT parquet)" : " (FORMAT csv, HEADER true)"));
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                tmp = null;
                return built.units();
            } catch (IOException e) {
                throw new CeterisException("cannot write " + out + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // the error being thrown says what went wrong
                    }
                }
                MetricTable.drop(engine, built.statements());
            }
        }
    }

    private static Engine open(Workspace ws, StudyEngine engine) {
        return engine.isDuckDb() ? duckDb(ws) : Engines.openOptional(engine.name(), engine.sparkMaster());
    }

    /** The workspace's database read-only, or an empty in-memory one when the workspace has none yet. */
    private static DuckDbEngine duckDb(Workspace ws) {
        return Files.exists(ws.database()) ? DuckDbEngine.onFile(ws.database(), true) : DuckDbEngine.inMemory();
    }
}
