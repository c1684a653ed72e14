package org.ceteris.scenarios;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.DuckDbEngine;

/**
 * {@code referral}: did signing up with a referral code make members stay? Members who were more
 * engaged during their trial, who had more friends on the service, or who live in some markets are
 * both more likely to use a referral code and less likely to lapse, so a naive comparison
 * overstates the programme's effect. Referral lowers each member's daily chance of lapsing directly
 * and through more viewing in the first week (a mediator that must not be adjusted for).
 * "Inactive 30 days after sign-up" means no viewing on days 30–36 after sign-up; the activity table
 * holds one row per member and day with viewing.
 *
 * <p>The true effects are computed from the generating model: for every member the probability of
 * being inactive with and without referral, averaged over the model's noise by Monte Carlo
 * ({@link #DRAWS} draws per member).
 */
public final class ReferralScenario extends NamedScenario {

    public static final String MEMBERS = "members";
    public static final String ACTIVITY = "activity";
    public static final String ANALYSIS = "referral_analysis";
    static final int DRAWS = 200;
    static final String[] COUNTRIES = {"US", "BR", "DE", "IN", "JP"};
    static final double[] COUNTRY_REFERRAL = {0.0, 0.6, -0.4, 0.3, -0.8};
    static final double[] COUNTRY_RISK = {0.0, 0.3, -0.2, 0.4, -0.3};
    public static final String DAG = """
            dag {
              referred [exposure]
              inactive_30 [outcome]
              age -> trial_minutes
              age -> inactive_30
              trial_minutes -> referred
              trial_minutes -> inactive_30
              friends_on_service -> referred
              friends_on_service -> inactive_30
              country -> referred
              country -> inactive_30
              referred -> first_week_minutes
              first_week_minutes -> inactive_30
              referred -> inactive_30
            }
            """;

    private final int members;

    public ReferralScenario() {
        this(20_000);
    }

    public ReferralScenario(int members) {
        super("referral", "Do members who join with a referral code stay active longer because of the referral?");
        this.members = members;
    }

    @Override
    public GroundTruth generate(DuckDbEngine engine, long seed) {
        Rand r = new Rand(seed);
        LocalDate first = LocalDate.of(2026, 1, 1);
        double sumAte = 0;
        double sumAtt = 0;
        int treated = 0;
        try (TableWriter m = TableWriter.create(engine, MEMBERS, "member_id VARCHAR, signup_date DATE, referral_code VARCHAR, "
                + "country VARCHAR, age INTEGER, trial_minutes DOUBLE, friends_on_service INTEGER, plan VARCHAR");
             TableWriter a = TableWriter.create(engine, ACTIVITY, "member_id VARCHAR, day DATE, minutes DOUBLE");
             TableWriter x = TableWriter.create(engine, ANALYSIS, "member_id VARCHAR, referred INTEGER, age INTEGER, "
                     + "trial_minutes DOUBLE, friends_on_service INTEGER, country VARCHAR, first_week_minutes DOUBLE, "
                     + "inactive_30 INTEGER")) {
            for (int i = 0; i < members; i++) {
                String id = String.format("M%06d", i);
                int c = r.nextInt(COUNTRIES.length);
                int age = (int) Math.round(Math.min(75, Math.max(18, r.normal(34, 11))));
                double engagement = r.normal(0, 1) - 0.015 * (age - 34);
                double trial = TableWriter.round(Math.max(1, 90 + 35 * engagement), 1);
                int friends = (int) r.poisson(1.2);
                double zTrial = (trial - 90) / 35;
                double pRef = Rand.logistic(-1.6 + 0.8 * zTrial + 0.35 * friends + COUNTRY_REFERRAL[c]);
                boolean referred = r.bernoulli(pRef);
                double base = -4.1 - 0.45 * zTrial - 0.25 * friends + 0.012 * (age - 34) + COUNTRY_RISK[c];
                double p1 = 0;
                double p0 = 0;
                for (int d = 0; d < DRAWS; d++) {
                    double u = r.normal(0, 0.4);
                    p1 += inactiveProbability(base, true, firstWeek(zTrial, true, u));
                    p0 += inactiveProbability(base, false, firstWeek(zTrial, false, u));
                }
                p1 /= DRAWS;
                p0 /= DRAWS;
                sumAte += p1 - p0;
                if (referred) {
                    sumAtt += p1 - p0;
                    treated++;
                }
                double fw = firstWeek(zTrial, referred, r.normal(0, 0.4));
                double hazard = hazard(base, referred, fw);
                int lapseDay = 1;
                while (lapseDay <= 60 && !r.bernoulli(hazard)) {
                    lapseDay++;
                }
                LocalDate signup = first.plusDays(r.nextInt(150));
                boolean inactive = lapseDay <= 30; // no viewing from day 30 on; members still active view on day 30
                String code = referred ? String.format("REF-%05d", r.nextInt(100_000)) : null;
                String plan = r.bernoulli(0.3 + 0.1 * zTrial) ? "premium" : r.bernoulli(0.5) ? "standard" : "basic";
                m.row(id, signup, code, COUNTRIES[c], age, trial, friends, plan);
                for (int day = 1; day <= 60; day++) {
                    boolean active = day < lapseDay && (day <= 7 || day == 30 || r.bernoulli(0.85));
                    if (active) {
                        double minutes = day <= 7 ? fw / 7 * Math.exp(r.normal(0, 0.2)) : Math.exp(r.normal(3.4, 0.6));
                        a.row(id, signup.plusDays(day), TableWriter.round(minutes, 1));
                    }
                }
                x.row(id, referred ? 1 : 0, age, trial, friends, COUNTRIES[c], TableWriter.round(fw, 1), inactive ? 1 : 0);
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("ate", sumAte / members);
        truth.put("att", sumAtt / treated);
        truth.put("minimal_adjustment_set", List.of("country", "friends_on_service", "trial_minutes"));
        truth.put("must_not_adjust", List.of("first_week_minutes"));
        truth.put("dag", DAG);
        truth.put("outcome_definition", "no row in activity on days 30-36 after signup_date");
        return new GroundTruth(name(), seed, List.of(MEMBERS, ACTIVITY, ANALYSIS), truth,
                members + " members. Referral is more likely for members with more trial viewing, more friends on the "
                        + "service and in some countries, and those also lapse less: adjust for trial_minutes, "
                        + "friends_on_service and country (age acts only through trial viewing, first_week_minutes is a "
                        + "mediator). The truth is the average change in the probability of being inactive 30 days after "
                        + "sign-up caused by referral (negative: referral keeps members).");
    }

    static double firstWeek(double zTrial, boolean referred, double noise) {
        return Math.exp(4.8 + 0.3 * zTrial + (referred ? 0.25 : 0) + noise);
    }

    static double hazard(double base, boolean referred, double firstWeekMinutes) {
        return Rand.logistic(base - (referred ? 0.35 : 0) - 0.5 * (Math.log(firstWeekMinutes) - 4.8));
    }

    /** P(lapse on or before day 30) = 1 − (1 − h)^30: then there is no viewing on days 30–36. */
    static double inactiveProbability(double base, boolean referred, double firstWeekMinutes) {
        return 1 - Math.pow(1 - hazard(base, referred, firstWeekMinutes), 30);
    }
}
