package org.ceteris.labs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.labs.Question.Choice;
import org.ceteris.labs.Question.Estimate;
import org.ceteris.labs.Question.SetAnswer;
import org.ceteris.labs.Question.Solution;
import org.ceteris.labs.Question.Sql;

/** The built-in labs: the classic interview cases of experimentation and causal inference. */
public final class Labs {

    private static final Map<String, Lab> ALL = new LinkedHashMap<>();

    static {
        for (Lab lab : List.of(homeRow(), billboard(), referral(), launch(), concurrent(), artwork())) {
            ALL.put(lab.name(), lab);
        }
    }

    private Labs() {
    }

    public static List<Lab> all() {
        return List.copyOf(ALL.values());
    }

    public static Lab get(String name) {
        Lab lab = ALL.get(name);
        if (lab == null) {
            throw new CeterisException("unknown lab '" + name + "'; the labs are " + String.join(", ", ALL.keySet()));
        }
        return lab;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static double[] triple(JsonNode n, String est, String lo, String hi) {
        return new double[] {n.path(est).asDouble(Double.NaN), n.path(lo).asDouble(Double.NaN), n.path(hi).asDouble(Double.NaN)};
    }

    private static Map<String, String> options(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Lab homeRow() {
        return new Lab("home-row", "Home-page row ranking: an A/B/n test", "home-row", 7,
                "The personalisation team tested two new rankings of the home-page rows against the current one "
                        + "(`control`): `ranked` and `personalised`. Members were assigned at random, a third each. The "
                        + "table `home_row` has one row per member with test-period watch minutes, pre-period minutes, "
                        + "sessions and whether the member returned the next week.",
                List.of(
                        new Sql("q1_sql", "Write a query that returns each variant with its number of members and its average "
                                + "watch minutes (columns: variant, members, avg_minutes).",
                                "SELECT variant, count(*) AS members, avg(watch_minutes) AS avg_minutes FROM home_row GROUP BY variant"),
                        new Choice("q2_variance", "The interval for `personalised` is wide. What reduces its width without more "
                                + "members? (cuped | longer_test | drop_outliers | one_sided)", "cuped", options(
                                "cuped", "Right: pre-period minutes predict test-period minutes, so adjusting for them (CUPED) removes much of the noise without bias.",
                                "longer_test", "A longer test adds data; the question asks what works without more data.",
                                "drop_outliers", "Dropping heavy viewers biases the mean of a heavy-tailed metric; capping is a separate, explicit choice.",
                                "one_sided", "A one-sided test changes the question, not the noise.")),
                        new Estimate("q3_lift", "Estimate the relative lift of `personalised` on watch minutes against control, "
                                + "with a 95% interval (0.03 means +3%).", "watch_minutes_relative_lift_personalised", 0.015,
                                new Solution("ab", "home_row", params("variant", "variant", "metric", List.of("watch_minutes"),
                                        "covariate", List.of("watch_minutes=pre_minutes")),
                                        "ceteris ab --workspace DIR --table home_row --variant variant --metric watch_minutes --covariate watch_minutes=pre_minutes",
                                        n -> {
                                            for (JsonNode c : n.path("metrics").path(0).path("comparisons")) {
                                                if (c.path("variant").asText().equals("personalised")) {
                                                    return triple(c, "relative", "relative_ci_low", "relative_ci_high");
                                                }
                                            }
                                            return new double[] {Double.NaN, Double.NaN, Double.NaN};
                                        }))));
    }

    static Lab billboard() {
        return new Lab("billboard", "Did the billboard work, and where should the next ones go?", "billboard", 11,
                "Marketing put up a billboard in Lakeview in week 80 and, later, in four more cities in week 92. There "
                        + "was no experiment. `city_signups` has weekly sign-ups (and sign-ups per 100,000 residents) for 60 "
                        + "cities over 104 weeks, with each city's population, urban share and median age.",
                List.of(
                        new Sql("q1_sql", "Return Lakeview's sign-ups per 100k for weeks 70 to 79 (columns: week, signups_per_100k).",
                                "SELECT week, signups_per_100k FROM city_signups WHERE city = 'Lakeview' AND week BETWEEN 70 AND 79"),
                        new Choice("q2_method", "Which design fits? (ab_test | before_after | synthetic_control | regression)",
                                "synthetic_control", options(
                                "synthetic_control", "Right: one treated city, a long history and many untreated cities: build a weighted mix of donors that tracks Lakeview before week 80.",
                                "ab_test", "There was no randomisation; the billboard is already up.",
                                "before_after", "Sign-ups trend and have seasons: a before/after comparison credits the billboard with both.",
                                "regression", "A regression of sign-ups on a billboard dummy with one treated city has nothing to learn the counterfactual from.")),
                        new SetAnswer("q3_exclude", "Which cities must be left out of Lakeview's donor pool?",
                                List.of("Harborview", "Millbrook", "Redwood", "Summit"),
                                "The four second-wave cities got billboards themselves in week 92: as donors they would pull the synthetic Lakeview up after week 92 and hide part of the effect."),
                        new Estimate("q4_att", "Estimate the average weekly gain in sign-ups per 100k in Lakeview from week 80 on.",
                                "att_per_100k", 2.5,
                                new Solution("synth", "city_signups", params("unit", "city", "time", "week", "outcome", "signups_per_100k",
                                        "treated", "Lakeview", "treatment_time", 80,
                                        "exclude", List.of("Harborview", "Millbrook", "Redwood", "Summit")),
                                        "ceteris synth --workspace DIR --table city_signups --unit city --time week --outcome signups_per_100k "
                                                + "--treated Lakeview --treatment-time 80 --exclude Harborview,Millbrook,Redwood,Summit --placebos",
                                        n -> new double[] {n.path("att").asDouble(Double.NaN), Double.NaN, Double.NaN})),
                        new Choice("q5_expand", "In the second wave, in which kind of city was the lift largest? "
                                + "(more_urban | older | larger)", "more_urban", options(
                                "more_urban", "Right: the lift grows with the urban share (5% + 20% x urban share in this scenario).",
                                "older", "Median age does not drive the lift here; compare effects against each trait.",
                                "larger", "Per-capita lifts do not depend on population here.")),
                        new Choice("q6_next_test", "Marketing wants a six-week test in two more cities. Run `ceteris geo-design` over "
                                + "the cities that never had a billboard (`WHERE billboard_wave = 0`, --test-units 2 --duration 6). "
                                + "Would the recommended test detect a lift as large as Lakeview's, most of the time? "
                                + "(yes | no | only_with_more_cities)", "yes", options(
                                "yes", "Right: its minimum detectable effect at 80% power is a few percent (backtests over the history), "
                                        + "far below Lakeview's +15%; check also that its false-alarm rate with no lift stays at alpha.",
                                "no", "Look at the MDE geo-design reports: a few percent, far below Lakeview's +15%.",
                                "only_with_more_cities", "Two cities are enough here: the MDE of the recommended pair is a few percent, "
                                        + "far below +15%. More cities lower it further, but are not needed for a lift that size."))));
    }

    static Lab referral() {
        return new Lab("referral", "Did the referral programme make members stay?", "referral", 13,
                "Members who joined with a referral code seem to stay longer. Product wants to know whether the "
                        + "programme causes it. `members` has one row per member (referral_code is NULL without a code), "
                        + "`activity` one row per member and day with viewing, and `referral_analysis` one row per member "
                        + "with the analysis columns (referred 0/1, inactive_30 0/1, and characteristics).",
                List.of(
                        new Sql("q1_sql", "Count, per country, the members who signed up with a referral code and were inactive 30 days later "
                                + "(no row in activity on days 30 to 36 after sign-up) (columns: country, members).",
                                "SELECT m.country, count(*) AS members FROM members m WHERE m.referral_code IS NOT NULL AND NOT EXISTS "
                                        + "(SELECT 1 FROM activity a WHERE a.member_id = m.member_id AND a.day BETWEEN m.signup_date + 30 "
                                        + "AND m.signup_date + 36) GROUP BY m.country"),
                        new SetAnswer("q2_adjust", "Given the programme's DAG (in BRIEF.md), which variables form the minimal adjustment set?",
                                List.of("country", "friends_on_service", "trial_minutes"),
                                "trial_minutes, friends_on_service and country each drive both referral and lapsing (back-door paths). "
                                        + "age acts on referral only through trial_minutes, so it is not needed once trial_minutes is in."),
                        new Choice("q3_mediator", "Should the analysis adjust for first_week_minutes? (yes | no)", "no", options(
                                "no", "Right: referral raises first-week viewing, which keeps members; adjusting for it removes part of the very effect you want.",
                                "yes", "first_week_minutes is a mediator (referral -> first week -> lapsing); adjusting for it blocks part of the effect.")),
                        new Estimate("q4_ate", "Estimate the average effect of referral on the probability of being inactive 30 days "
                                + "after sign-up (negative means referral keeps members), with a 95% interval.", "ate", 0.03,
                                new Solution("observe", "referral_analysis", params("treatment", "referred", "outcome", "inactive_30",
                                        "covariates", List.of("trial_minutes", "friends_on_service", "country"), "method", "aipw",
                                        "estimand", "ate"),
                                        "ceteris observe --workspace DIR --table referral_analysis --treatment referred --outcome inactive_30 "
                                                + "--covariates trial_minutes,friends_on_service,country --method aipw --estimand ate",
                                        n -> triple(n, "estimate", "ci_low", "ci_high"))),
                        new Choice("q5_naive", "Does the naive comparison of referred and other members overstate or understate "
                                + "the programme's benefit? (overstates | understates | neither)", "overstates", options(
                                "overstates", "Right: engaged members with friends on the service both use codes more and lapse less, so the naive gap mixes their loyalty with the programme's effect.",
                                "understates", "Look at how engagement drives both referral and lapsing.",
                                "neither", "The groups differ in engagement, friends and country; the naive gap is confounded."))));
    }

    static Lab launch() {
        return new Lab("launch", "A feature launched region by region before any A/B test", "launch", 17,
                "A new viewing feature launched in four waves (months 7, 11, 15 and 19); a fifth of the regions never "
                        + "got it. `region_engagement` has hours per member for 300 regions over 24 months, with each "
                        + "region's first treated month (0 = never).",
                List.of(
                        new Sql("q1_sql", "Count the regions in each launch wave (columns: first_treated, regions).",
                                "SELECT first_treated, count(DISTINCT region) AS regions FROM region_engagement GROUP BY first_treated"),
                        new Choice("q2_method", "Which estimator fits? (twfe_regression | callaway_santanna | before_after | synthetic_control)",
                                "callaway_santanna", options(
                                "callaway_santanna", "Right: with staggered adoption and effects that grow over time, compare each wave with not-yet- or never-treated regions.",
                                "twfe_regression", "With staggered adoption and growing effects, two-way fixed effects uses early adopters as controls for late ones and can even flip the sign (Goodman-Bacon 2021).",
                                "before_after", "Engagement has seasons and a trend; before/after credits the feature with them.",
                                "synthetic_control", "48 treated regions in waves: difference-in-differences uses them all; synthetic control is for one or a few treated units.")),
                        new Estimate("q3_att", "Estimate the average effect on hours per member over all launched region-months "
                                + "(the simple aggregation), with a 95% interval.", "att_simple", 0.12,
                                new Solution("did", "region_engagement", params("unit", "region", "time", "month",
                                        "outcome", "hours_per_member", "first_treated", "first_treated", "control", "not-yet"),
                                        "ceteris did --workspace DIR --table region_engagement --unit region --time month "
                                                + "--outcome hours_per_member --first-treated first_treated --control not-yet --event-study",
                                        n -> triple(n, "estimate", "ci_low", "ci_high"))),
                        new Choice("q4_shape", "How does the effect change with time since launch? (grows | constant | fades)",
                                "grows", options(
                                "grows", "Right: the event study shows the effect rising month by month after launch.",
                                "constant", "Look at the dynamic (event-time) aggregation: the effect rises with time since launch.",
                                "fades", "Look at the dynamic (event-time) aggregation: the effect rises with time since launch."))));
    }

    static Lab concurrent() {
        return new Lab("concurrent", "Ten experiments at once: does anything interfere?", "concurrent", 19,
                "Ten experiments ran on the same members in three layers: home_1..home_4 share the home layer, "
                        + "player_1..player_3 the player layer, search_1..search_3 the search layer. `concurrent` has one row "
                        + "per member with the arm of each experiment (NULL when not in it) and watch minutes.",
                List.of(
                        new Sql("q1_sql", "How many members are in both home_2 and player_1, by arm pair? (columns: home_2, player_1, members)",
                                "SELECT home_2, player_1, count(*) AS members FROM concurrent WHERE home_2 IS NOT NULL AND player_1 IS NOT NULL GROUP BY 1, 2"),
                        new Choice("q2_same_layer", "Can home_1 and home_2 interact? (yes | no)", "no", options(
                                "no", "Right: experiments in one layer are mutually exclusive, so no member sees both.",
                                "yes", "They share a layer, so no member is in both: there is nothing to interact.")),
                        new SetAnswer("q3_pair", "Which two experiments interact?", List.of("home_2", "player_1"),
                                "Testing every overlapping pair (with false-discovery control across the pairs) finds home_2 x player_1."),
                        new Estimate("q4_interaction", "Estimate the interaction of home_2 and player_1 on watch minutes "
                                + "(the effect of home_2 when player_1 is on, minus when it is off), with a 95% interval.",
                                "interaction", 2.5,
                                new Solution("interactions", "concurrent", params("experiments", List.of("home_2", "player_1"),
                                        "metric", List.of("watch_minutes")),
                                        "ceteris interactions --workspace DIR --table concurrent --experiments home_2,player_1 --metric watch_minutes",
                                        n -> {
                                            JsonNode p = n.path("pairs").path(0);
                                            double est = p.path("interaction").asDouble(Double.NaN);
                                            double se = p.path("se").asDouble(Double.NaN);
                                            return new double[] {est, est - 1.959963984540054 * se, est + 1.959963984540054 * se};
                                        }))));
    }

    static Lab artwork() {
        return new Lab("artwork", "Five artworks, results needed fast", "artwork", 23,
                "The title team tests five artworks (control and four new ones) and wants to look at results every day, "
                        + "stop as soon as the answer is clear, and take clearly losing artworks out of rotation. `artwork` "
                        + "has one row per impression with the day and whether the member played the title.",
                List.of(
                        new Sql("q1_sql", "Play rate per artwork in the first 7 days (columns: variant, impressions, play_rate).",
                                "SELECT variant, count(*) AS impressions, avg(played) AS play_rate FROM artwork "
                                        + "WHERE day < (SELECT min(day) FROM artwork) + 7 GROUP BY variant"),
                        new Choice("q2_peeking", "Why not run a daily t-test and stop at the first p < 0.05? "
                                + "(peeking_inflates_false_positives | t_test_is_biased | too_few_users)",
                                "peeking_inflates_false_positives", options(
                                "peeking_inflates_false_positives", "Right: every look is another chance for noise to cross the line; over 28 looks the false-positive rate is several times 5%. Confidence sequences stay valid at every look.",
                                "t_test_is_biased", "The t-test is fine at one planned look; the problem is repeating it.",
                                "too_few_users", "There are thousands of impressions a day; the problem is the repeated looks.")),
                        new SetAnswer("q3_demote", "Which artworks should be taken out of rotation?", List.of("bold_title", "dark_moody"),
                                "Both play clearly less than control (7% and 7.5% against 10%); a sequential test with demotion drops them within days."),
                        new Choice("q4_winner", "Which artwork wins? (control | bold_title | dark_moody | lead_closeup | ensemble)",
                                "lead_closeup", options(
                                "lead_closeup", "Right: 12% against control's 10%.",
                                "control", "lead_closeup plays better than control (12% against 10%).",
                                "ensemble", "ensemble is no different from control (both 10%).",
                                "bold_title", "bold_title is one of the losers (7%).",
                                "dark_moody", "dark_moody is one of the losers (7.5%)."))));
    }
}
