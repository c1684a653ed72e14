package org.ceteris.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbDialect;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Identifiers;

/**
 * A workspace is a folder: {@code ceteris.yaml} (sources, metrics, studies, written by people) and
 * {@code ceteris.duckdb} (imported tables and the history of every run, written by Ceteris).
 * Tables whose names start with {@code ceteris_} belong to Ceteris itself.
 */
public final class Workspace {

    public static final String CONFIG = "ceteris.yaml";
    public static final String DATABASE = "ceteris.duckdb";
    static final String IMPORTS = "ceteris_imports";

    private static final String DEFAULT_CONFIG = """
            # Ceteris workspace. Tables imported with `ceteris import` live in ceteris.duckdb.
            # Studies listed here are run by `ceteris run` and shown by `ceteris serve`.
            version: 1
            studies: {}
            """;

    private final Path dir;

    private Workspace(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** An existing workspace. */
    public static Workspace open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG)) && !Files.isRegularFile(dir.resolve(DATABASE))) {
            throw new CeterisException("no workspace at " + dir + " (no " + CONFIG + "); create one with "
                    + "`ceteris import --workspace " + dir + " --table NAME FILE`");
        }
        return new Workspace(dir);
    }

    /** The workspace at {@code dir}, created (folder, config, database) when absent. */
    public static Workspace openOrCreate(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new CeterisException("workspace path " + dir + " is a file; give a folder");
            }
            Files.createDirectories(dir);
            Path config = dir.resolve(CONFIG);
            if (!Files.exists(config)) {
                Path tmp = Files.createTempFile(dir, ".ceteris", ".yaml");
                Files.writeString(tmp, DEFAULT_CONFIG);
                Files.move(tmp, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new Workspace(dir);
        } catch (IOException e) {
            throw new CeterisException("cannot create workspace at " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path config() {
        return dir.resolve(CONFIG);
    }

    public Path database() {
        return dir.resolve(DATABASE);
    }

    /** The workspace's database; a read-only engine may be shared with other readers. */
    public DuckDbEngine engine(boolean readOnly) {
        return engine(readOnly, Map.of());
    }

    /** The workspace's database with DuckDB settings (for example {@code memory_limit}, {@code threads}). */
    public DuckDbEngine engine(boolean readOnly, Map<String, String> settings) {
        if (readOnly && !Files.exists(database())) {
            try (DuckDbEngine created = DuckDbEngine.onFile(database(), false)) {
                ensureCatalog(created);
            }
        }
        DuckDbEngine engine = DuckDbEngine.onFile(database(), readOnly, settings);
        if (!readOnly) {
            ensureCatalog(engine);
        }
        return engine;
    }

    private static void ensureCatalog(DuckDbEngine engine) {
        engine.execute("CREATE TABLE IF NOT EXISTS " + IMPORTS
                + " (table_name VARCHAR, files VARCHAR, row_count BIGINT, imported_at TIMESTAMP)");
    }

    /**
     * Imports files into the workspace at {@code dir}, creating it when absent. On any error the
     * workspace is unchanged, and a workspace this call created is removed again.
     */
    public static ImportResult importInto(Path dir, String table, List<Path> files) {
        checkImport(table, files);
        boolean existed = Files.exists(dir);
        try {
            return openOrCreate(dir).importFiles(table, files);
        } catch (RuntimeException e) {
            if (!existed) {
                removeCreated(dir);
            }
            throw e;
        }
    }

    private static void removeCreated(Path dir) {
        try {
            for (String f : List.of(CONFIG, DATABASE, DATABASE + ".wal")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException ignored) {
            // best effort: the import error is what the user needs to see
        }
    }

    private static void checkImport(String table, List<Path> files) {
        Identifiers.requireName(table, "table");
        if (table.toLowerCase(Locale.ROOT).startsWith("ceteris_")) {
            throw new CeterisException("table names starting with ceteris_ are reserved; choose another name");
        }
        if (files.isEmpty()) {
            throw new CeterisException("give at least one CSV or Parquet file to import");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CeterisException("file not found: " + f);
            }
        }
    }

    /**
     * Imports CSV or Parquet files into one table (replacing it), in one transaction: on any error
     * the workspace is unchanged.
     */
    public ImportResult importFiles(String table, List<Path> files) {
        Identifiers.requireName(table, "table");
        if (table.toLowerCase(Locale.ROOT).startsWith("ceteris_")) {
            throw new CeterisException("table names starting with ceteris_ are reserved; choose another name");
        }
        if (files.isEmpty()) {
            throw new CeterisException("give at least one CSV or Parquet file to import");
        }
        boolean parquet = false;
        boolean csv = false;
        StringBuilder list = new StringBuilder("[");
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CeterisException("file not found: " + f);
            }
            try {
                if (Files.size(f) == 0) {
                    throw new CeterisException("file " + f + " is empty: nothing to import");
                }
            } catch (IOException e) {
                throw new CeterisException("cannot read " + f + ": " + e.getMessage(), e);
            }
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean isParquet = name.endsWith(".parquet") || name.endsWith(".pq");
            boolean isCsv = name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt");
            if (!isParquet && !isCsv) {
                throw new CeterisException("cannot import " + f + ": use .csv, .tsv or .parquet files");
            }
            parquet |= isParquet;
            csv |= isCsv;
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append("'").append(f.toAbsolutePath().toString().replace("'", "''")).append("'");
        }
        if (parquet && csv) {
            throw new CeterisException("import CSV and Parquet files into separate tables (or convert them first)");
        }
        list.append("]");
        String reader = parquet ? "read_parquet(" + list + ", union_by_name = true)"
                : "read_csv(" + list + ", header = true, auto_detect = true, union_by_name = true, sample_size = -1, "
                        + DuckDbDialect.CSV_BUFFER + ")";
        String what = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        try (DuckDbEngine engine = engine(false)) {
            long[] rows = new long[1];
            engine.inTransaction(() -> {
                try {
                    engine.execute("CREATE OR REPLACE TABLE \"" + table + "\" AS SELECT * FROM " + reader);
                    // inside the transaction: a CSV the sniffer could not split is rolled back
                    DuckDbEngine.requireTabular(what, engine.columns(new org.ceteris.engine.Source.Table(table)));
                } catch (CeterisException e) {
                    if (e.getMessage().startsWith("cannot read")) {
                        throw e;
                    }
                    throw new CeterisException("cannot import " + what + ": " + e.getMessage()
                            .replaceFirst("^SQL error: ", "")
                            .replaceFirst("^(Invalid Input|IO|Conversion|Parser|Binder) Error: ", ""), e);
                }
                rows[0] = engine.query("SELECT count(*) AS n FROM \"" + table + "\"").getLong(0, "n");
                engine.execute("DELETE FROM " + IMPORTS + " WHERE table_name = '" + table + "'");
                engine.execute("INSERT INTO " + IMPORTS + " VALUES ('" + table + "', "
                        + engine.dialect().literal(String.join(",", files.stream().map(Path::toString).toList()))
                        + ", " + rows[0] + ", now())");
            });
            int columns = engine.columns(new org.ceteris.engine.Source.Table(table)).size();
            return new ImportResult(table, rows[0], columns, files.size());
        }
    }

    /** What an import stored. */
    public record ImportResult(String table, long rows, int columns, int files) {
    }
}
