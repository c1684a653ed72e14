package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code home-row}: an A/B/n test of home-page row ranking. Besides the per-member table
 * {@value #TABLE}, the raw logs a team really has: {@value #EXPOSURES} (when each member first saw the
 * row, with country and device) and {@value #ACTIVITY} (one row per viewing session with its minutes:
 * the pre-period sessions in the 14 days before the first exposure, the test sessions in the 7 days
 * after it, a session in days 7–14 for members who returned, and sessions of members outside the test
 * until {@link #LOG_DAYS} days after the start). The logs carry exactly the draws of the table, so
 * metrics defined over them recover the same truths. Members are split evenly over
 * {@code control}, {@code ranked} and {@code personalised}. Each member has a viewing habit that
 * drives both the pre-period minutes (the CUPED covariate) and the test-period minutes; minutes are
 * sessions × minutes per session, both heavy-tailed. {@code personalised} multiplies minutes per
 * session by 1 + {@link #PERSONALISED_LIFT}, so watch minutes and minutes per session both rise by
 * exactly that fraction in expectation; {@code ranked} changes nothing; nobody's return rate moves.
 */
public final class HomeRowScenario extends NamedScenario {

    public static final String TABLE = "home_row";
    public static final String EXPOSURES = "home_row_exposures";
    public static final String ACTIVITY = "home_row_activity";
    /** The activity log ends this many days after the first exposures, so every 0d–14d window has ended. */
    static final int LOG_DAYS = 22;
    private static final String[] COUNTRIES = {"BR", "DE", "US"};
    private static final String[] DEVICES = {"phone", "tv", "web"};
    public static final double PERSONALISED_LIFT = 0.04;
    static final String[] VARIANTS = {"control", "ranked", "personalised"};

    private final int members;

    public HomeRowScenario() {
        this(45_000);
    }

    public HomeRowScenario(int members) {
        super("home-row", "Which of three home-page row rankings makes members watch more?");
        this.members = members;
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        Rand times = new Rand(seed ^ 0x5eed_1095L); // times and attributes of the logs: the table's draws stay as they were
        LocalDate start = LocalDate.of(2026, 3, 2);
        java.time.LocalDateTime t00 = start.atStartOfDay();
        try (TableWriter w = TableWriter.create(engine, TABLE, "user_id VARCHAR, variant VARCHAR, assigned_on DATE, "
                + "watch_minutes DOUBLE, pre_minutes DOUBLE, sessions INTEGER, returned INTEGER");
             TableWriter exposures = TableWriter.create(engine, EXPOSURES,
                     "user_id VARCHAR, experiment VARCHAR, variant VARCHAR, ts TIMESTAMP, country VARCHAR, device VARCHAR");
             TableWriter activity = TableWriter.create(engine, ACTIVITY, "user_id VARCHAR, ts TIMESTAMP, minutes DOUBLE, device VARCHAR")) {
            for (int i = 0; i < members; i++) {
                String v = VARIANTS[r.nextInt(3)];
                double habit = r.normal(0, 0.8);
                double preSessions = 1 + r.poisson(Math.exp(1.2 + 0.6 * habit));
                double pre = preSessions * Math.exp(2.2 + 0.3 * habit + r.normal(0, 0.5));
                int sessions = (int) (1 + r.poisson(Math.exp(1.2 + 0.6 * habit)));
                double lift = v.equals("personalised") ? 1 + PERSONALISED_LIFT : 1.0;
                double minutes = 0;
                double[] each = new double[sessions];
                for (int s = 0; s < sessions; s++) {
                    each[s] = lift * Math.exp(2.2 + 0.3 * habit + r.normal(0, 0.5) - 0.125);
                    minutes += each[s];
                }
                int returned = r.bernoulli(Rand.logistic(0.2 + 0.9 * habit)) ? 1 : 0;
                String user = String.format("u%06d", i);
                int day = r.nextInt(7);
                w.row(user, v, start.plusDays(day), TableWriter.round(minutes, 1), TableWriter.round(pre, 1), sessions, returned);
                // the logs: first exposure during the assignment day, sessions spread over their windows
                String device = DEVICES[times.nextInt(DEVICES.length)];
                java.time.LocalDateTime first = t00.plusDays(day).plusSeconds(times.nextInt(86_400));
                String country = COUNTRIES[times.nextInt(COUNTRIES.length)];
                exposures.row(user, "home_row", v, first, country, device);
                if (times.nextInt(4) == 0) { // members see the row again: only the first exposure starts the windows
                    exposures.row(user, "home_row", v, first.plusSeconds(1 + times.nextInt(5 * 86_400)), country, device);
                }
                for (int s = 0; s < (int) preSessions; s++) {
                    activity.row(user, first.minusSeconds(1 + times.nextInt(14 * 86_400 - 1)), TableWriter.round(pre / preSessions, 3), device);
                }
                for (double m : each) {
                    activity.row(user, first.plusSeconds(times.nextInt(7 * 86_400)), TableWriter.round(m, 3), device);
                }
                if (returned == 1) {
                    activity.row(user, first.plusDays(7).plusSeconds(times.nextInt(7 * 86_400)), TableWriter.round(each[0], 3), device);
                }
            }
            for (int i = 0; i < members / 20; i++) { // members outside the test keep watching until the log ends
                activity.row(String.format("o%06d", i), t00.minusDays(14).plusSeconds(times.nextInt((LOG_DAYS + 14) * 86_400)),
                        TableWriter.round(Math.exp(2.2 + times.normal(0, 0.5)), 3), DEVICES[times.nextInt(DEVICES.length)]);
            }
            activity.row("o999999", t00.plusDays(LOG_DAYS), 1.0, "tv");
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("watch_minutes_relative_lift_personalised", PERSONALISED_LIFT);
        truth.put("watch_minutes_relative_lift_ranked", 0.0);
        truth.put("minutes_per_session_relative_lift_personalised", PERSONALISED_LIFT);
        truth.put("minutes_per_session_relative_lift_ranked", 0.0);
        truth.put("returned_effect_personalised", 0.0);
        truth.put("sessions_relative_lift_personalised", 0.0);
        truth.put("sessions_relative_lift_ranked", 0.0);
        truth.put("returned_effect_ranked", 0.0);
        truth.put("split", Map.of("control", 1.0 / 3, "ranked", 1.0 / 3, "personalised", 1.0 / 3));
        return new GroundTruth(name(), seed, List.of(TABLE, EXPOSURES, ACTIVITY), truth,
                members + " members split evenly over control, ranked and personalised. Personalised raises watch "
                        + "minutes and minutes per session by 4%; ranked does nothing; return rates are unchanged. "
                        + "pre_minutes comes from the same viewing habit and is a good CUPED covariate. The raw logs "
                        + EXPOSURES + " and " + ACTIVITY + " hold the same members: first exposures, then one row per "
                        + "viewing session (pre-period, test week, and a week-2 session for members who returned).");
    }
}
