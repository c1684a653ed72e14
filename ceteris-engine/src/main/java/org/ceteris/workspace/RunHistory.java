package org.ceteris.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.studies.Headline;

/**
 * The table {@code ceteris_runs} of a workspace database: every study run, never updated or
 * deleted. Times are UTC. The headline is kept in columns so history charts and SQL over runs do
 * not parse result JSON.
 */
public final class RunHistory {

    public static final String TABLE = "ceteris_runs";

    private static final String COLUMNS = "run_id, study, method, run_at, ceteris_version, spec, result, "
            + "headline_label, estimate, ci_low, ci_high, relative, verdict, summary";
    /** The columns without the result JSON (history lists need only the headline). */
    private static final String HEADLINE_COLUMNS = COLUMNS.replace(" result,", " NULL AS result,");

    private RunHistory() {
    }

    /** Creates the table when absent (on a read-write engine). */
    public static void ensure(DuckDbEngine engine) {
        engine.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (run_id BIGINT PRIMARY KEY, study VARCHAR NOT NULL, "
                + "method VARCHAR NOT NULL, run_at TIMESTAMP NOT NULL, ceteris_version VARCHAR NOT NULL, "
                + "spec VARCHAR NOT NULL, result VARCHAR NOT NULL, headline_label VARCHAR, estimate DOUBLE, "
                + "ci_low DOUBLE, ci_high DOUBLE, relative BOOLEAN, verdict VARCHAR, summary VARCHAR)");
    }

    /** True when the database has the runs table (a read-only engine cannot create it). */
    public static boolean exists(DuckDbEngine engine) {
        return engine.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '" + TABLE + "'").getLong(0, "n") > 0;
    }

    /** Appends runs; the caller holds the transaction. Run ids continue from the largest stored. */
    public static List<StoredRun> append(DuckDbEngine engine, List<StoredRun> runs) {
        long next = engine.query("SELECT coalesce(max(run_id), 0) + 1 AS n FROM " + TABLE).getLong(0, "n");
        List<StoredRun> out = new ArrayList<>();
        try (PreparedStatement ps = engine.connection().prepareStatement(
                "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredRun r : runs) {
                long id = next++;
                Headline h = r.headline();
                ps.setLong(1, id);
                ps.setString(2, r.study());
                ps.setString(3, r.method());
                ps.setObject(4, LocalDateTime.ofInstant(r.runAt(), ZoneOffset.UTC));
                ps.setString(5, r.version());
                ps.setString(6, r.spec());
                ps.setString(7, r.result());
                ps.setString(8, h == null ? null : h.label());
                ps.setObject(9, h == null ? null : h.estimate());
                ps.setObject(10, h == null ? null : h.ciLow());
                ps.setObject(11, h == null ? null : h.ciHigh());
                ps.setObject(12, h == null ? null : h.relative());
                ps.setString(13, h == null ? null : h.verdict());
                ps.setString(14, r.summary());
                ps.executeUpdate();
                out.add(new StoredRun(id, r.study(), r.method(), r.runAt(), r.version(), r.spec(), r.result(), h, r.summary()));
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot store the run: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    /**
     * Runs, oldest first; {@code study} null for all studies. With {@code withResults} false the
     * result JSON is left out (history lists need only the headline).
     */
    public static List<StoredRun> read(DuckDbEngine engine, String study, boolean withResults) {
        if (!exists(engine)) {
            return List.of();
        }
        String cols = withResults ? COLUMNS : HEADLINE_COLUMNS;
        String sql = "SELECT " + cols + " FROM " + TABLE + (study == null ? "" : " WHERE study = ?") + " ORDER BY run_id";
        return study == null ? select(sql, engine) : select(sql, engine, study);
    }

    /**
     * The newest {@code perStudy} runs of each study, oldest first, without their results: what a
     * dashboard keeps in memory, however long the history grows.
     */
    public static List<StoredRun> readRecent(DuckDbEngine engine, int perStudy) {
        if (!exists(engine)) {
            return List.of();
        }
        return select("SELECT " + HEADLINE_COLUMNS + " FROM (SELECT *, row_number() OVER (PARTITION BY study ORDER BY run_id DESC) AS newer "
                + "FROM " + TABLE + ") WHERE newer <= ? ORDER BY run_id", engine, perStudy);
    }

    /**
     * One page of a study's history, without results: its newest {@code limit} runs whose id is
     * below {@code before} (all runs when null), oldest first.
     */
    public static List<StoredRun> readPage(DuckDbEngine engine, String study, Long before, int limit) {
        if (!exists(engine)) {
            return List.of();
        }
        return select("SELECT * FROM (SELECT " + HEADLINE_COLUMNS + " FROM " + TABLE + " WHERE study = ? AND run_id < ? "
                + "ORDER BY run_id DESC LIMIT ?) ORDER BY run_id", engine, study, before == null ? Long.MAX_VALUE : before, limit);
    }

    /** How many runs each study has stored. */
    public static Map<String, Long> counts(DuckDbEngine engine) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!exists(engine)) {
            return out;
        }
        Rows rows = engine.query("SELECT study, count(*) AS n FROM " + TABLE + " GROUP BY study ORDER BY study");
        for (int i = 0; i < rows.size(); i++) {
            out.put(rows.getString(i, "study"), rows.getLong(i, "n"));
        }
        return out;
    }

    private static List<StoredRun> select(String sql, DuckDbEngine engine, Object... params) {
        List<StoredRun> out = new ArrayList<>();
        try (PreparedStatement ps = engine.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot read the run history: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    /** The latest run of each study, with its result. */
    public static List<StoredRun> readLatest(DuckDbEngine engine) {
        if (!exists(engine)) {
            return List.of();
        }
        return select("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE run_id IN (SELECT max(run_id) FROM " + TABLE + " GROUP BY study) ORDER BY run_id", engine);
    }

    private static StoredRun row(ResultSet rs) throws SQLException {
        Object t = rs.getObject("run_at");
        Instant at = t instanceof LocalDateTime ldt ? ldt.toInstant(ZoneOffset.UTC)
                : t instanceof Timestamp ts ? ts.toLocalDateTime().toInstant(ZoneOffset.UTC)
                : Instant.parse(t.toString().replace(' ', 'T') + "Z");
        String label = rs.getString("headline_label");
        Headline h = label == null ? null : new Headline(label, dbl(rs, "estimate"), dbl(rs, "ci_low"), dbl(rs, "ci_high"),
                rs.getBoolean("relative"), rs.getString("verdict"));
        return new StoredRun(rs.getLong("run_id"), rs.getString("study"), rs.getString("method"), at,
                rs.getString("ceteris_version"), rs.getString("spec"), rs.getString("result"), h, rs.getString("summary"));
    }

    private static double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
