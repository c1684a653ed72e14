package org.ceteris.scenarios;

import java.sql.SQLException;
import java.util.SplittableRandom;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.duckdb.DuckDBAppender;

/**
 * A generated home-page experiment: members split evenly over {@code control}, {@code ranked} and
 * {@code personalised}; heavy-tailed (log-normal) watch minutes that depend on each member's
 * pre-period minutes; sessions; and a 0/1 "returned next week" flag. {@code personalised} raises
 * watch minutes by {@link #PERSONALISED_LIFT} (relative) and {@code ranked} does nothing.
 * Seeded: the same seed gives the same table.
 */
public final class ExampleExperiment {

    /** The true relative lift of {@code personalised} on watch minutes. */
    public static final double PERSONALISED_LIFT = 0.04;

    private ExampleExperiment() {
    }

    /** Creates (or replaces) {@code table} with {@code members} rows. */
    public static void write(DuckDbEngine engine, String table, int members, long seed) {
        engine.execute("CREATE OR REPLACE TABLE \"" + table + "\" (user_id VARCHAR, variant VARCHAR, "
                + "watch_minutes DOUBLE, pre_minutes DOUBLE, sessions INTEGER, returned INTEGER)");
        String[] variants = {"control", "ranked", "personalised"};
        SplittableRandom rnd = new SplittableRandom(seed);
        try (DuckDBAppender app = engine.appender(table)) {
            for (int i = 0; i < members; i++) {
                String v = variants[rnd.nextInt(3)];
                double habit = rnd.nextDouble() < 0.5 ? 0 : gaussian(rnd) * 0.9;
                double pre = Math.exp(3.3 + habit + 0.35 * gaussian(rnd));
                double lift = v.equals("personalised") ? 1 + PERSONALISED_LIFT : 1.0;
                double post = lift * Math.exp(3.3 + habit + 0.35 * gaussian(rnd));
                int sessions = 1 + (int) Math.floor(post / 25 + rnd.nextDouble() * 3);
                int returned = rnd.nextDouble() < Math.min(0.95, 0.45 + post / 400) ? 1 : 0;
                app.beginRow().append(String.format("u%07d", i)).append(v)
                        .append(Math.round(post * 10) / 10.0).append(Math.round(pre * 10) / 10.0)
                        .append(sessions).append(returned).endRow();
            }
        } catch (SQLException e) {
            throw new CeterisException("cannot write the example experiment: " + e.getMessage(), e);
        }
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller, one value per call; deterministic for a seed
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
