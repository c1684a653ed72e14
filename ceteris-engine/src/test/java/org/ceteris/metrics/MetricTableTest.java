package org.ceteris.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.api.Test;

/**
 * The per-unit table of a study over raw logs against the values pandas computed from the same logs
 * (src/test/resources/metrics: make_fixtures.py, README.md): every aggregate, window edges, filter,
 * caps, CUPED covariates, incomplete windows, multiple exposures.
 */
class MetricTableTest {

    static Path dir() {
        try {
            return Path.of(MetricTableTest.class.getResource("/metrics/ceteris.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MetricStudySpec spec(String study) {
        WorkspaceConfig config = WorkspaceConfig.read(dir().resolve("ceteris.yaml"));
        return MetricStudies.spec(config.study(study), config.catalog());
    }

    @Test
    void everyPerUnitValueMatchesPandas() {
        MetricStudySpec spec = spec("home_row");
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            MetricTable.Built built = MetricTable.build(db, spec, dir());
            Rows actual = db.query("SELECT * REPLACE (CAST(first_exposure AS VARCHAR) AS first_exposure) FROM "
                    + MetricSql.UNITS + " ORDER BY member_id");
            Rows expected = db.query("SELECT * FROM read_csv('" + dir().resolve("expected_units.csv")
                    + "', header = true, all_varchar = true) ORDER BY member_id");
            assertEquals(expected.size(), actual.size(), "units");
            // the study has no slices: the table has every expected column but the slice columns
            assertEquals(expected.columns().stream().filter(c -> !c.equals("country") && !c.equals("device")).toList(),
                    actual.columns(), "columns of the per-unit table");
            for (int i = 0; i < expected.size(); i++) {
                for (String c : actual.columns()) {
                    String e = expected.getString(i, c);
                    Object a = actual.get(i, c);
                    String where = expected.getString(i, "member_id") + "." + c;
                    if (c.equals("member_id") || c.equals("variant") || c.equals("country") || c.equals("device")
                            || c.equals(MetricSql.FIRST_EXPOSURE)) {
                        assertEquals(e, a.toString(), where);
                    } else if (e == null) {
                        assertEquals(null, a, where + " is incomplete");
                    } else {
                        double x = Double.parseDouble(e);
                        assertEquals(x, ((Number) a).doubleValue(), 1e-9 * Math.max(1, Math.abs(x)), where);
                    }
                }
            }
            assertEquals(2, built.multipleExposures(), "x0001 and x0002 saw both variants");
            assertEquals(expected.size(), built.units());
            long incomplete = 0;
            for (int i = 0; i < expected.size(); i++) {
                incomplete += expected.getString(i, "watch_minutes") == null ? 1 : 0;
            }
            assertTrue(incomplete > 0, "the fixture has units exposed too late for 0d-7d");
            assertEquals(incomplete, built.incomplete().get("watch_minutes"));
            assertEquals(0L, built.incomplete().get("tv_minutes"), "window: all never leaves a unit out");
        }
    }

    @Test
    void windowEdgesByHand() {
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            MetricTable.build(db, spec("home_row"), dir());
            Rows r = db.query("SELECT watch_minutes, watch_minutes_cuped, inactive_7_9, tv_minutes, played FROM "
                    + MetricSql.UNITS + " WHERE member_id = 'e0001'");
            // at first exposure: counts; exactly +7d: not in 0d-7d but in 7d-14d; one second before: only CUPED
            assertEquals(List.of(5.0, 3.0, 0.0, 16.0, 0.0), r.rows().get(0));
            Rows e2 = db.query("SELECT watch_minutes FROM " + MetricSql.UNITS + " WHERE member_id = 'e0002'");
            assertEquals(2.5, e2.getDouble(0, "watch_minutes"), "the last second of the window counts");
        }
    }

    @Test
    void sliceValuesAreThoseAtFirstExposure() {
        try (DuckDbEngine db = DuckDbEngine.inMemory()) {
            MetricTable.build(db, spec("home_row_sliced"), dir());
            Rows actual = db.query("SELECT member_id, country, device FROM " + MetricSql.UNITS + " ORDER BY member_id");
            Rows expected = db.query("SELECT member_id, country, device FROM read_csv('" + dir().resolve("expected_units.csv")
                    + "', header = true, all_varchar = true) ORDER BY member_id");
            assertEquals(expected.rows(), actual.rows(), "slices per unit, as pandas takes them from the earliest exposure row");
            // c0001 was exposed in US on a tv, then seen again in BR on a phone: the first exposure decides
            Rows c = db.query("SELECT country, device FROM " + MetricSql.UNITS + " WHERE member_id = 'c0001'");
            assertEquals(List.of(List.of("US", "tv")), c.rows());
        }
    }
}
