package org.ceteris.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;

/** The events of a workspace in its table {@value #TABLE}. */
public final class EventLog {

    public static final String TABLE = "ceteris_events";

    private EventLog() {
    }

    public static void ensure(DuckDbEngine db) {
        db.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT PRIMARY KEY, event_at TIMESTAMP NOT NULL, study VARCHAR, "
                + "kind VARCHAR NOT NULL, arm VARCHAR, run_id BIGINT, look INTEGER, statistic DOUBLE, message VARCHAR)");
    }

    /** Stores events (in the caller's transaction, if any) and returns them with their ids. */
    public static List<Event> append(DuckDbEngine db, List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        ensure(db);
        long next = db.query("SELECT coalesce(max(id), 0) + 1 AS n FROM " + TABLE).getLong(0, "n");
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                Event s = e.withId(next++);
                ps.setLong(1, s.id());
                ps.setObject(2, LocalDateTime.ofInstant(s.at(), ZoneOffset.UTC));
                ps.setString(3, s.study());
                ps.setString(4, s.kind());
                ps.setString(5, s.arm());
                ps.setObject(6, s.runId());
                ps.setObject(7, s.look());
                ps.setObject(8, s.statistic());
                ps.setString(9, s.message());
                ps.executeUpdate();
                out.add(s);
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot store events: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    /** Events, newest first; {@code study} null for all; at most {@code limit}. */
    public static List<Event> read(DuckDbEngine db, String study, int limit) {
        if (db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '" + TABLE + "'").getLong(0, "n") == 0) {
            return List.of();
        }
        String sql = "SELECT * FROM " + TABLE + (study == null ? "" : " WHERE study = ?") + " ORDER BY id DESC LIMIT ?";
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            int i = 1;
            if (study != null) {
                ps.setString(i++, study);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong("id"), rs.getObject("event_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString("study"), rs.getString("kind"), rs.getString("arm"),
                            (Long) nullable(rs, "run_id", rs.getLong("run_id")), (Integer) nullable(rs, "look", rs.getInt("look")),
                            (Double) nullable(rs, "statistic", rs.getDouble("statistic")), rs.getString("message")));
                }
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot read events: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    private static Object nullable(ResultSet rs, String column, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
