package org.ceteris.live;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;

/**
 * Which run wrote which revision of {@code assignment.yaml}, in {@value #TABLE}: revision, time,
 * study, run id, experiment, action (demote or ship), arm, look and the arm's p-value there.
 */
public final class RevisionLog {

    public static final String TABLE = "ceteris_revisions";

    private RevisionLog() {
    }

    /** One revision's cause. */
    public record Revision(int revision, java.time.Instant at, String study, long runId, String experiment,
                           String action, String arm, Integer look, Double statistic) {
    }

    /** True when revision {@code n} has its record (the run that wrote it was stored). */
    public static boolean recorded(DuckDbEngine db, int n) {
        if (db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '" + TABLE + "'").getLong(0, "n") == 0) {
            return false;
        }
        return db.query("SELECT count(*) AS n FROM " + TABLE + " WHERE revision = " + n).getLong(0, "n") > 0;
    }

    /** The arms a recorded revision already demoted in {@code experiment} (a reassigned arm's name is gone from the config). */
    public static java.util.Set<String> demoted(DuckDbEngine db, String experiment) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '" + TABLE + "'").getLong(0, "n") == 0) {
            return out;
        }
        org.ceteris.engine.Rows r = db.query("SELECT DISTINCT arm FROM " + TABLE + " WHERE action = 'demote' AND experiment = "
                + db.dialect().literal(experiment));
        for (int i = 0; i < r.size(); i++) {
            out.add(r.getString(i, "arm"));
        }
        return out;
    }

    public static void append(DuckDbEngine db, Revision r) {
        db.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (revision INTEGER, revised_at TIMESTAMP, study VARCHAR, run_id BIGINT, "
                + "experiment VARCHAR, action VARCHAR, arm VARCHAR, look INTEGER, statistic DOUBLE)");
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, r.revision());
            ps.setObject(2, LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC));
            ps.setString(3, r.study());
            ps.setLong(4, r.runId());
            ps.setString(5, r.experiment());
            ps.setString(6, r.action());
            ps.setString(7, r.arm());
            ps.setObject(8, r.look());
            ps.setObject(9, r.statistic());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CeterisException("cannot record the revision: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
