package org.ceteris.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ceteris.CeterisException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The default engine: DuckDB in this process, in memory (for {@code --data FILE}) or on a
 * workspace's database file. Bulk loads go through DuckDB's Appender (JDBC batch inserts are about
 * a thousand times slower).
 */
public final class DuckDbEngine implements Engine {

    private final DuckDBConnection connection;
    private final CsvSniffer csv = new CsvSniffer();

    private DuckDbEngine(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** An in-memory database, for reading files directly. */
    public static DuckDbEngine inMemory() {
        return open("jdbc:duckdb:", false);
    }

    /** A database file; read-only connections can share the file with other readers. */
    public static DuckDbEngine onFile(Path file, boolean readOnly) {
        return open("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
    }

    /**
     * A database file with extra DuckDB settings (for example {@code enable_external_access=false}
     * for connections that run SQL typed by users). Connections of one process to the same file
     * must all use the same settings.
     */
    public static DuckDbEngine onFile(Path file, boolean readOnly, java.util.Map<String, String> settings) {
        return open("jdbc:duckdb:" + file.toAbsolutePath(), readOnly, settings);
    }

    /**
     * Loads DuckDB (its driver, which starts a JFR memory monitor, and its native library) without
     * keeping anything open: a tenth to a fifth of a second that a caller may spend on another
     * thread before it needs an engine. Problems are left for {@link #inMemory} or {@link #onFile} to report.
     */
    public static void preload() {
        try {
            inMemory().close();
        } catch (RuntimeException e) {
            // the command that opens an engine says what is wrong
        }
    }

    private static DuckDbEngine open(String url, boolean readOnly) {
        return open(url, readOnly, java.util.Map.of());
    }

    private static DuckDbEngine open(String url, boolean readOnly, java.util.Map<String, String> settings) {
        DuckDbLibrary.requirePresent();
        try {
            Properties props = new Properties();
            settings.forEach(props::setProperty);
            if (readOnly) {
                props.setProperty("duckdb.read_only", "true");
            }
            Connection c = DriverManager.getConnection(url, props);
            return new DuckDbEngine(c.unwrap(DuckDBConnection.class));
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    @Override
    public Dialect dialect() {
        return DuckDbDialect.INSTANCE;
    }

    @Override
    public Rows query(String sql) {
        try {
            return rows(sql);
        } catch (SQLException e) {
            String again = csv.wholeFile(sql, e.getMessage());
            if (again == null) {
                throw translate(e, sql);
            }
            try {
                return rows(again);
            } catch (SQLException e2) {
                throw translate(e2, again);
            }
        }
    }

    /**
     * Streams the result through JDBC straight into primitive arrays ({@code getDouble}/{@code getLong}
     * per cell, text dictionary-encoded as it arrives); no row objects are kept.
     */
    @Override
    public Columns queryColumns(String sql) {
        return queryColumns(sql, 1024);
    }

    @Override
    public Columns queryColumns(String sql, long expectedRows) {
        try {
            return columnsOf(sql, expectedRows);
        } catch (SQLException e) {
            String again = csv.wholeFile(sql, e.getMessage());
            if (again == null) {
                throw translate(e, sql);
            }
            try {
                return columnsOf(again, expectedRows);
            } catch (SQLException e2) {
                throw translate(e2, again);
            }
        }
    }

    private Columns columnsOf(String sql, long expectedRows) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int k = md.getColumnCount();
            List<String> names = new ArrayList<>(k);
            List<Columns.Kind> kinds = new ArrayList<>(k);
            boolean[] bool = new boolean[k];
            for (int i = 1; i <= k; i++) {
                names.add(md.getColumnLabel(i));
                kinds.add(Columns.Kind.of(md.getColumnTypeName(i)));
                bool[i - 1] = md.getColumnTypeName(i).equalsIgnoreCase("BOOLEAN");
            }
            Columns.Builder b = new Columns.Builder(names, kinds, expectedRows);
            while (rs.next()) {
                b.next();
                for (int i = 0; i < k; i++) {
                    switch (kinds.get(i)) {
                        case LONG -> {
                            long v = bool[i] ? (rs.getBoolean(i + 1) ? 1L : 0L) : rs.getLong(i + 1);
                            b.setLong(i, rs.wasNull() ? 0L : v);
                        }
                        case DOUBLE -> {
                            double v = rs.getDouble(i + 1);
                            b.setDouble(i, rs.wasNull() ? Double.NaN : v);
                        }
                        case TEXT -> b.setText(i, rs.getString(i + 1));
                    }
                }
            }
            return b.build();
        }
    }

    /** {@link #query} without switching a CSV file to its whole-file sniff on a conversion error. */
    Rows rawQuery(String sql) {
        try {
            return rows(sql);
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    private Rows rows(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static Rows rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int k = md.getColumnCount();
        List<String> names = new ArrayList<>(k);
        List<String> types = new ArrayList<>(k);
        for (int i = 1; i <= k; i++) {
            names.add(md.getColumnLabel(i));
            types.add(md.getColumnTypeName(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(k);
            for (int i = 1; i <= k; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new Rows(names, types, rows);
    }

    /**
     * What one statement of any kind did: the rows of a query, or, for a statement that returns none
     * (COPY … TO, INSERT, CREATE), {@code rows} is null and {@code count} the rows it wrote or changed
     * (-1 when the engine does not say).
     */
    public record Outcome(Rows rows, long count) {
    }

    /**
     * Runs one statement, a query or not: JDBC's {@code execute} tells the two apart, so that a
     * {@code COPY … TO} is run once and reported, never run and then refused for having no result set.
     */
    public Outcome statement(String sql) {
        try (Statement st = connection.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    return new Outcome(rows(rs), -1);
                }
            }
            return new Outcome(null, st.getUpdateCount());
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /**
     * Runs {@code load} once more when a CSV file it read was switched to its whole-file sniff while
     * it ran ({@link CsvSniffer}): column types it checked before the switch may have changed (a
     * column sniffed as BIGINT from the sample is text in the whole file), so the second run sees
     * the whole file's types from the start and fails, or succeeds, as a whole-file read does.
     */
    @Override
    public <T> T stableRead(java.util.function.Supplier<T> load) {
        int before = csv.switches();
        try {
            T out = load.get();
            if (csv.switches() == before) {
                return out;
            }
        } catch (CeterisException e) {
            if (csv.switches() == before) {
                throw e;
            }
        }
        return load.get();
    }

    /**
     * A CSV file reads with the dialect and types sniffed once for this engine ({@link CsvSniffer}),
     * not with a whole-file sniff before every query; other sources as the dialect says.
     */
    @Override
    public String relation(Source source) {
        String relation = Engine.super.relation(source);
        if (source instanceof Source.File f && relation.startsWith("read_csv(")) {
            return csv.relation(this, f.path(), relation);
        }
        return relation;
    }

    /** Runs a statement that returns no rows (DDL, COPY, INSERT). */
    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            String again = csv.wholeFile(sql, e.getMessage());
            if (again == null) {
                throw translate(e, sql);
            }
            try (Statement st = connection.createStatement()) {
                st.execute(again);
            } catch (SQLException e2) {
                throw translate(e2, again);
            }
        }
    }

    /**
     * A temporary view of this connection: it never lands in a workspace's database file. A CSV
     * file is read with the whole-file sniff (a query over the view could not switch to it).
     */
    @Override
    public void createView(String name, Source source) {
        execute("CREATE OR REPLACE TEMP VIEW " + Identifiers.requireName(name, "view") + " AS SELECT * FROM "
                + Engine.super.relation(source));
    }

    @Override
    public void createTemporary(String name, String sql) {
        execute("CREATE OR REPLACE TEMP TABLE " + Identifiers.requireName(name, "table") + " AS " + sql);
    }

    @Override
    public void dropTemporary(String name) {
        execute("DROP TABLE IF EXISTS temp.main." + Identifiers.requireName(name, "table"));
    }

    @Override
    public List<Column> columns(Source source) {
        Rows rows;
        try {
            rows = query("DESCRIBE SELECT * FROM " + relation(source));
        } catch (CeterisException e) {
            throw source.readError(e);
        }
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Column(rows.getString(i, "column_name"), rows.getString(i, "column_type")));
        }
        if (source instanceof Source.File) {
            requireTabular(source.describe(), out);
        }
        return out;
    }

    /**
     * Rejects what DuckDB's CSV sniffer returns when rows disagree on their number of fields: one
     * text column whose name still holds the separators of the header.
     */
    public static void requireTabular(String what, List<Column> columns) {
        if (columns.size() == 1 && columns.get(0).name().matches(".*[,;\\t|].*")) {
            throw new CeterisException("cannot read " + what + " as a table: its rows do not have the same "
                    + "number of fields (the header '" + columns.get(0).name() + "' was read as one column); look for rows "
                    + "with extra or missing separators or an unbalanced quote");
        }
    }

    /** An Appender for bulk loading into an existing table of the main schema. */
    public DuckDBAppender appender(String table) {
        try {
            return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    public void inTransaction(Runnable work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    /** The JDBC connection, for callers in this module that need more than SQL text. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    /** DuckDB's error as one line a user can act on. */
    static CeterisException translate(SQLException e, String sql) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (msg.contains("Could not set lock on file") || msg.contains("Conflicting lock")) {
            return new CeterisException("workspace is busy: another ceteris process has its database open; "
                    + "wait for it to finish and try again", e);
        }
        return new CeterisException("SQL error: " + firstLines(msg), e);
    }

    /**
     * The informative start of a DuckDB message on one line: its first line, and for "… on Line: N"
     * or "Error when sniffing file …" the reason on the line after it (the rest is advice on options).
     */
    static String firstLines(String msg) {
        List<String> lines = msg.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.isEmpty()) {
            return msg;
        }
        String line = lines.get(0).replaceFirst("^java\\.sql\\.SQLException: ", "");
        if (lines.size() > 1 && (line.matches(".*Line: \\d+$") || line.contains("Error when sniffing file"))) {
            line = line + ": " + lines.get(1);
        }
        return line;
    }
}
