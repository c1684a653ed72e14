package org.ceteris.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbResult;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.experiment.Comparison;
import org.ceteris.experiment.MetricResult;
import org.ceteris.json.Json;
import org.ceteris.studies.AbStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scenarios write what their ground truth says, and a correct analysis recovers the truth. */
class ScenariosTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void homeRowScorecardCoversTheTrueLifts(long seed) {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            GroundTruth truth = new HomeRowScenario(30_000).generate(engine, seed);
            AbResult r = AbStudy.run(engine, new Source.Table(HomeRowScenario.TABLE), new AbSpecBuilder()
                    .variant("variant").metric("watch_minutes").covariate("watch_minutes=pre_minutes")
                    .ratio("minutes_per_session=watch_minutes/sessions").alpha(0.01).build());
            for (MetricResult m : r.metrics()) {
                String prefix = m.metric().equals("watch_minutes") ? "watch_minutes" : "minutes_per_session";
                for (Comparison c : m.comparisons()) {
                    double t = truth.number(prefix + "_relative_lift_" + c.variant());
                    assertTrue(c.relativeCiLow() <= t && t <= c.relativeCiHigh(),
                            () -> m.metric() + " " + c.variant() + ": 99% CI [" + c.relativeCiLow() + ", "
                                    + c.relativeCiHigh() + "] misses the truth " + t);
                }
            }
            assertTrue(!r.srm().mismatch());
        }
    }

    @Test
    void concurrentLayersAreMutuallyExclusiveWithinAndOverlapAcross() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            new ConcurrentScenario(20_000).generate(engine, 5);
            Rows perLayer = engine.query("SELECT "
                    + "max((home_1 IS NOT NULL)::INT + (home_2 IS NOT NULL)::INT + (home_3 IS NOT NULL)::INT + (home_4 IS NOT NULL)::INT) AS hmax, "
                    + "min((home_1 IS NOT NULL)::INT + (home_2 IS NOT NULL)::INT + (home_3 IS NOT NULL)::INT + (home_4 IS NOT NULL)::INT) AS hmin, "
                    + "count(*) FILTER (WHERE home_2 IS NOT NULL AND player_1 IS NOT NULL) AS overlap FROM concurrent");
            assertEquals(1, perLayer.getLong(0, "hmax"));
            assertEquals(1, perLayer.getLong(0, "hmin"));
            assertTrue(perLayer.getLong(0, "overlap") > 1000);
        }
    }

    @Test
    void referralOutcomeMatchesItsSqlDefinitionAndNaiveComparisonIsConfounded() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            GroundTruth truth = new ReferralScenario(4_000).generate(engine, 11);
            Rows check = engine.query("""
                    WITH act AS (
                      SELECT m.member_id, count(a.member_id) AS days
                      FROM members m LEFT JOIN activity a
                        ON a.member_id = m.member_id AND a.day BETWEEN m.signup_date + 30 AND m.signup_date + 36
                      GROUP BY 1)
                    SELECT count(*) FILTER (WHERE (act.days = 0) <> (r.inactive_30 = 1)) AS disagree,
                           avg(r.inactive_30) FILTER (WHERE r.referred = 1) - avg(r.inactive_30) FILTER (WHERE r.referred = 0) AS naive
                    FROM act JOIN referral_analysis r USING (member_id)""");
            assertEquals(0, check.getLong(0, "disagree"));
            double naive = check.getDouble(0, "naive");
            double ate = truth.number("ate");
            assertTrue(ate < -0.05 && ate > -0.2, "ATE " + ate);
            assertTrue(naive < ate - 0.05, () -> "naive " + naive + " should overstate the benefit vs " + ate);
        }
    }

    @Test
    void launchTruthFollowsTheEffectRule() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            GroundTruth truth = new LaunchScenario().generate(engine, 2);
            @SuppressWarnings("unchecked")
            Map<Integer, Double> dynamic = (Map<Integer, Double>) truth.truths().get("att_dynamic");
            assertEquals(0.4, dynamic.get(0), 1e-12);
            assertEquals(1.9, dynamic.get(15), 1e-12);
            Rows groups = engine.query("SELECT count(DISTINCT region) AS r, count(DISTINCT first_treated) AS g, count(*) AS n FROM region_engagement");
            assertEquals(300, groups.getLong(0, "r"));
            assertEquals(5, groups.getLong(0, "g"));
            assertEquals(300 * 24, groups.getLong(0, "n"));
        }
    }

    @Test
    void billboardPanelIsBalancedAndTheTreatedCityGetsItsLift() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            GroundTruth truth = new BillboardScenario().generate(engine, 4);
            Rows r = engine.query("SELECT count(*) AS n, count(DISTINCT city) AS cities, "
                    + "count(*) FILTER (WHERE billboard_wave = 2) / 104 AS wave2 FROM city_signups");
            assertEquals(60 * 104, r.getLong(0, "n"));
            assertEquals(60, r.getLong(0, "cities"));
            assertEquals(4, r.getLong(0, "wave2"));
            // Lakeview's trend is fixed by its market mix (0.45, 0.35, 0.20 of the three profiles), so its data can
            // be set against the trend it would follow without a billboard: on it before week 80, 15% above after
            double level = 0.45 * 42 + 0.35 * 30 + 0.20 * 55;
            double growth = 0.45 * 0.10 + 0.35 * 0.22 + 0.20 * 0.03;
            double season = 0.45 * 6 + 0.35 * 3 + 0.20 * 9;
            Rows lake = engine.query("SELECT week, signups_per_100k AS y FROM city_signups WHERE city = 'Lakeview' ORDER BY week");
            double[] ratio = new double[2];
            double attFromData = 0;
            int[] weeks = new int[2];
            for (int i = 0; i < lake.size(); i++) {
                long t = lake.getLong(i, "week");
                double y = lake.getDouble(i, "y");
                int post = t >= BillboardScenario.FIRST_WEEK ? 1 : 0;
                ratio[post] += y / (level + growth * t + season * Math.sin(2 * Math.PI * (t - 10) / 52.0));
                weeks[post]++;
                attFromData += post * y * BillboardScenario.FIRST_LIFT / (1 + BillboardScenario.FIRST_LIFT);
            }
            assertEquals(1.0, ratio[0] / weeks[0], 0.02, "Lakeview before the billboard, relative to its trend");
            assertEquals(1 + BillboardScenario.FIRST_LIFT, ratio[1] / weeks[1], 0.03, "Lakeview after the billboard, relative to its trend");
            // the stated effect is the one in the rows: y = (1 + lift) x base after week 80, up to rounding to 0.01
            assertEquals(attFromData / weeks[1], truth.number("att_per_100k"), 0.005);
            assertTrue(truth.number("att_per_100k") > 1.0);
        }
    }

    @Test
    void artworkHasEveryArmEveryDay() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            new ArtworkScenario(200, 10).generate(engine, 9);
            Rows r = engine.query("SELECT count(DISTINCT variant) AS arms, count(DISTINCT day) AS days FROM artwork");
            assertEquals(5, r.getLong(0, "arms"));
            assertEquals(10, r.getLong(0, "days"));
        }
    }

    @Test
    void sameSeedSameTablesAndTruth() {
        String a;
        String b;
        try (DuckDbEngine e1 = DuckDbEngine.inMemory(); DuckDbEngine e2 = DuckDbEngine.inMemory()) {
            a = Json.write(new ReferralScenario(500).generate(e1, 42)) + e1.query("SELECT sum(hash(member_id, signup_date, referral_code, country, age, trial_minutes, friends_on_service, plan)) AS h FROM members").getString(0, "h");
            b = Json.write(new ReferralScenario(500).generate(e2, 42)) + e2.query("SELECT sum(hash(member_id, signup_date, referral_code, country, age, trial_minutes, friends_on_service, plan)) AS h FROM members").getString(0, "h");
        }
        assertEquals(a, b);
    }
}
