package org.ceteris.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Engines;
import org.ceteris.engine.Source;
import org.ceteris.workspace.Workspace;
import picocli.CommandLine.Option;

/**
 * The data flags every method command shares: {@code --data FILE} or
 * {@code --workspace W (--table T | --sql "…")}, and where the SQL runs ({@code --engine}). The
 * Spark engine is looked up ({@link Engines#openOptional}) only when {@code --engine spark} is asked
 * for, so the default jar never needs Spark's classes.
 */
public final class DataOptions {

    private static final Pattern CATALOG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");

    @Option(names = "--data", paramLabel = "FILE",
            description = "CSV or Parquet file to analyse (with --engine spark also a folder or URI)") String data;

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace folder (with --table or --sql)") Path workspace;

    @Option(names = "--table", paramLabel = "T", description = "table of the workspace (with --engine spark: of the Spark catalog)") String table;

    @Option(names = "--sql", paramLabel = "QUERY", description = "SELECT query over the workspace (or over --data as table `data`)") String sql;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "duckdb",
            description = "where the SQL runs: duckdb (default, in this process) or spark (needs the ceteris-spark jar)") String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master with --engine spark: local[*] (default), local[2], yarn, spark://HOST:7077, k8s://…") String sparkMaster;

    /** A study run on the data the flags name: the engine that reads it and what to read. */
    @FunctionalInterface
    public interface Study<R> {
        R run(Engine engine, Source source);
    }

    /** Opens the data, runs {@code study} on it and closes the engine again, whatever happens. */
    public <R> R run(Study<R> study) {
        try (Opened opened = open()) {
            return study.run(opened.engine(), opened.source());
        }
    }

    /** An open engine and the source to read, checked for a consistent combination of flags. */
    public Opened open() {
        if (data != null && workspace != null) {
            throw new CeterisException("give either --data or --workspace, not both");
        }
        if (Engines.requireKnown(engine, "--engine").equals(Engines.SPARK)) {
            return openSpark();
        }
        if (sparkMaster != null) {
            throw new CeterisException("--spark-master goes with --engine spark");
        }
        if (data != null) {
            if (table != null) {
                throw new CeterisException("--table goes with --workspace, not with --data");
            }
            Source.File file = new Source.File(Path.of(data));
            DuckDbEngine engine = DuckDbEngine.inMemory();
            if (sql != null) {
                engine.createView("data", file);
                return new Opened(engine, new Source.Query(sql));
            }
            return new Opened(engine, file);
        }
        if (workspace != null) {
            if ((table == null) == (sql == null)) {
                throw new CeterisException("with --workspace give exactly one of --table or --sql");
            }
            Workspace ws = Workspace.open(workspace);
            // the source first: a bad table name must not leave the workspace's database open
            Source source = table != null ? new Source.Table(table) : new Source.Query(sql);
            return new Opened(ws.engine(true), source);
        }
        throw new CeterisException("say where the data is: --data FILE, or --workspace DIR with --table or --sql");
    }

    /** {@code --data PATH [--sql …]}, {@code --table [DB.]NAME} of the Spark catalog, or {@code --sql …} over the catalog. */
    private Opened openSpark() {
        if (workspace != null) {
            throw new CeterisException("--workspace is a DuckDB workspace; with --engine spark give --data PATH, "
                    + "--table NAME of the Spark catalog, or --sql");
        }
        if (data != null && table != null) {
            throw new CeterisException("--table goes without --data: with --engine spark it names a table of the Spark catalog");
        }
        if (data == null && (table == null) == (sql == null)) {
            throw new CeterisException("say where the data is: --data PATH, or exactly one of --table NAME (Spark catalog) or --sql");
        }
        if (table != null && !CATALOG_NAME.matcher(table).matches()) {
            throw new CeterisException("invalid table name '" + table + "': use NAME, DATABASE.NAME or CATALOG.DATABASE.NAME");
        }
        Engine spark = openEngine(Engines.SPARK);
        try {
            if (data != null) {
                Source file = spark.file(data);
                if (sql != null) {
                    spark.createView("data", file);
                    return new Opened(spark, new Source.Query(sql));
                }
                return new Opened(spark, file);
            }
            if (table != null) {
                return new Opened(spark, table.contains(".")
                        ? new Source.Query("SELECT * FROM " + quoteParts(spark, table)) : new Source.Table(table));
            }
            return new Opened(spark, new Source.Query(sql));
        } catch (RuntimeException e) {
            spark.close();
            throw e;
        }
    }

    private static String quoteParts(Engine engine, String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("\\.")) {
            sb.append(sb.length() == 0 ? "" : ".").append(engine.dialect().ident(part));
        }
        return sb.toString();
    }

    private Engine openEngine(String name) {
        return Engines.openOptional(name, sparkMaster);
    }

    /** An engine to close after use, and what to read with it. */
    public record Opened(Engine engine, Source source) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }
}
