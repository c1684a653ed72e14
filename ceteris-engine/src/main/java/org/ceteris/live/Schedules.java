package org.ceteris.live;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;

/**
 * Which scheduled studies are due, and the last due time each has run for ({@value #TABLE} in the
 * workspace). A study is due when the latest due time of its schedule at or before now is later
 * than the one stored: however many due times passed while nothing ran (a server down overnight),
 * the study runs once, and the stored time makes a second look at the same moment find nothing.
 * A study never seen before is due at once (its latest due time has not run).
 */
public final class Schedules {

    public static final String TABLE = "ceteris_schedule";

    private Schedules() {
    }

    /** One study due at {@code dueAt}. */
    public record Due(String study, Instant dueAt) {
    }

    /** The scheduled studies of {@code live} due at {@code now}, given the stored last due times. Pure. */
    public static List<Due> due(LiveConfig live, Map<String, Instant> lastRun, Instant now) {
        List<Due> out = new ArrayList<>();
        for (StudyLoop loop : live.studies().values()) {
            if (loop.schedule() == null) {
                continue;
            }
            Optional<ZonedDateTime> last = loop.schedule().lastDue(now.atZone(live.zone()));
            if (last.isEmpty()) {
                continue;
            }
            Instant dueAt = last.get().toInstant();
            Instant done = lastRun.get(loop.study());
            if (done == null || dueAt.isAfter(done)) {
                out.add(new Due(loop.study(), dueAt));
            }
        }
        out.sort(java.util.Comparator.comparing(Due::dueAt).thenComparing(Due::study));
        return out;
    }

    /** The stored last due time of every scheduled study that has run. */
    public static Map<String, Instant> read(DuckDbEngine db) {
        Map<String, Instant> out = new LinkedHashMap<>();
        if (db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '" + TABLE + "'").getLong(0, "n") == 0) {
            return out;
        }
        Rows r = db.query("SELECT study, CAST(last_due AS VARCHAR) AS last_due FROM " + TABLE);
        for (int i = 0; i < r.size(); i++) {
            out.put(r.getString(i, "study"), LocalDateTime.parse(r.getString(i, "last_due").replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        }
        return out;
    }

    /** Stores that {@code study} ran for its due time {@code dueAt} (in the caller's transaction). */
    public static void mark(DuckDbEngine db, String study, Instant dueAt) {
        db.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (study VARCHAR PRIMARY KEY, last_due TIMESTAMP NOT NULL)");
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT OR REPLACE INTO " + TABLE + " VALUES (?, ?)")) {
            ps.setString(1, study);
            ps.setObject(2, LocalDateTime.ofInstant(dueAt, ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CeterisException("cannot store the schedule: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
