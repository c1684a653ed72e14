package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code home-row}: an A/B/n test of home-page row ranking. Members are split evenly over
 * {@code control}, {@code ranked} and {@code personalised}. Each member has a viewing habit that
 * drives both the pre-period minutes (the CUPED covariate) and the test-period minutes; minutes are
 * sessions × minutes per session, both heavy-tailed. {@code personalised} multiplies minutes per
 * session by 1 + {@link #PERSONALISED_LIFT}, so watch minutes and minutes per session both rise by
 * exactly that fraction in expectation; {@code ranked} changes nothing; nobody's return rate moves.
 */
public final class HomeRowScenario implements Scenario {

    public static final String TABLE = "home_row";
    public static final double PERSONALISED_LIFT = 0.04;
    static final String[] VARIANTS = {"control", "ranked", "personalised"};

    private final int members;

    public HomeRowScenario() {
        this(45_000);
    }

    public HomeRowScenario(int members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "home-row";
    }

    @Override
    public String question() {
        return "Which of three home-page row rankings makes members watch more?";
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        LocalDate start = LocalDate.of(2026, 3, 2);
        try (TableWriter w = TableWriter.create(engine, TABLE, "user_id VARCHAR, variant VARCHAR, assigned_on DATE, "
                + "watch_minutes DOUBLE, pre_minutes DOUBLE, sessions INTEGER, returned INTEGER")) {
            for (int i = 0; i < members; i++) {
                String v = VARIANTS[r.nextInt(3)];
                double habit = r.normal(0, 0.8);
                double preSessions = 1 + r.poisson(Math.exp(1.2 + 0.6 * habit));
                double pre = preSessions * Math.exp(2.2 + 0.3 * habit + r.normal(0, 0.5));
                int sessions = (int) (1 + r.poisson(Math.exp(1.2 + 0.6 * habit)));
                double lift = v.equals("personalised") ? 1 + PERSONALISED_LIFT : 1.0;
                double minutes = 0;
                for (int s = 0; s < sessions; s++) {
                    minutes += lift * Math.exp(2.2 + 0.3 * habit + r.normal(0, 0.5) - 0.125);
                }
                int returned = r.bernoulli(Rand.logistic(0.2 + 0.9 * habit)) ? 1 : 0;
                w.row(String.format("u%06d", i), v, start.plusDays(r.nextInt(7)), TableWriter.round(minutes, 1),
                        TableWriter.round(pre, 1), sessions, returned);
            }
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
        return new GroundTruth(name(), seed, List.of(TABLE), truth,
                members + " members split evenly over control, ranked and personalised. Personalised raises watch "
                        + "minutes and minutes per session by 4%; ranked does nothing; return rates are unchanged. "
                        + "pre_minutes comes from the same viewing habit and is a good CUPED covariate.");
    }
}
