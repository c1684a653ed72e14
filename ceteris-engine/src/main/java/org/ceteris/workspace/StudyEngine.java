package org.ceteris.workspace;

import org.ceteris.CeterisException;
import org.ceteris.engine.Engines;

/**
 * Where a workspace's studies read their data: {@code engine:} and {@code spark_master:} of
 * ceteris.yaml, or the {@code --engine}/{@code --spark-master} flags of {@code ceteris run}. The run
 * history always stays in the workspace's DuckDB file. A null {@code sparkMaster} means the master
 * spark-submit was given, else {@code local[*]}.
 */
public record StudyEngine(String name, String sparkMaster) {

    /** The default: the studies read the workspace's own DuckDB database. */
    public static final StudyEngine DUCKDB = new StudyEngine(Engines.DUCKDB, null);

    public StudyEngine {
        Engines.requireKnown(name, "engine");
        if (sparkMaster != null && !name.equals(Engines.SPARK)) {
            throw new CeterisException("spark_master goes with engine: spark (the engine is " + name + ")");
        }
        if (sparkMaster != null && sparkMaster.isBlank()) {
            throw new CeterisException("spark_master is empty: give a master URL such as local[2], yarn or spark://HOST:7077");
        }
    }

    public boolean isDuckDb() {
        return name.equals(Engines.DUCKDB);
    }

    /**
     * This engine as overridden by command-line flags (null when not given): {@code --engine}
     * replaces the engine, and the YAML's master is kept only while the engine stays Spark;
     * {@code --spark-master} replaces the master.
     */
    public StudyEngine override(String engineFlag, String masterFlag) {
        String n = engineFlag == null ? name : Engines.requireKnown(engineFlag, "--engine");
        String m = masterFlag != null ? masterFlag : n.equals(name) ? sparkMaster : null;
        if (masterFlag != null && !n.equals(Engines.SPARK)) {
            throw new CeterisException("--spark-master goes with --engine spark (the engine is " + n + ")");
        }
        return new StudyEngine(n, m);
    }
}
