package org.ceteris.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.studies.StudyMethods;

/**
 * The study the demo defines on each scenario, as {@code ceteris.yaml} text: the analysis a careful
 * data scientist would run, with the truth to compare it with. Only studies whose method is
 * registered in this build are used.
 */
public final class DemoStudies {

    /**
     * One study: its name, method, YAML body (indented two spaces under the name), the scenario it
     * reads and the truth in words, in the unit of the study's verdict (from the scenario's ground truth);
     * a study over raw logs also brings the entries it needs under the top-level {@code sources:} and
     * {@code metrics:} (YAML lines, or empty).
     */
    public record Entry(String name, String method, String question, String body, String scenario,
                       java.util.function.Function<GroundTruth, String> truthInWords, String sources, String metrics) {

        public Entry(String name, String method, String question, String body, String scenario,
                     java.util.function.Function<GroundTruth, String> truthInWords) {
            this(name, method, question, body, scenario, truthInWords, "", "");
        }

        /** The truth in words, from the ground truth of this entry's scenario among {@code truths}. */
        public String truth(List<GroundTruth> truths) {
            return truthInWords.apply(truths.stream().filter(t -> t.scenario().equals(scenario)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ground truth of scenario " + scenario)));
        }
    }

    private static String signed(double x, String format) {
        return (x > 0 ? "+" : x < 0 ? "−" : "") + String.format(java.util.Locale.ROOT, format, Math.abs(x));
    }

    private static double rate(GroundTruth t, String arm) {
        return ((Number) ((java.util.Map<?, ?>) t.truths().get("play_rate")).get(arm)).doubleValue();
    }

    /**
     * The second wave's truth in the units of its verdict: each city's lift in % and in sign-ups per 100k,
     * and the rule's slope in sign-ups per 100k per unit of urban share (20% of the cities' level without
     * the billboard, which is each city's effect over its lift).
     */
    private static String secondWave(GroundTruth t) {
        java.util.Map<?, ?> lifts = (java.util.Map<?, ?>) t.truths().get("second_wave_relative_lift");
        java.util.Map<?, ?> atts = (java.util.Map<?, ?>) t.truths().get("second_wave_att_per_100k");
        List<String> cities = new ArrayList<>();
        double level = 0;
        for (Object city : lifts.keySet()) {
            double lift = ((Number) lifts.get(city)).doubleValue();
            double att = ((Number) atts.get(city)).doubleValue();
            cities.add(city + " " + signed(100 * lift, "%.1f%%") + " (" + signed(att, "%.2f") + ")");
            level += att / lift / lifts.size();
        }
        return "lift = 5% + 20% x urban share: " + String.join(", ", cities) + " signups per 100k; "
                + signed(0.2 * level, "%.1f") + " signups per 100k per unit of urban share (20% of a level of about "
                + String.format(java.util.Locale.ROOT, "%.0f", level) + "), so the most urban cities are the best next ones.";
    }

    private static final List<Entry> ALL = List.of(
            new Entry("home_row_ranking", "ab", "Which home-page row ranking makes members watch more?", """
                    method: ab
                    exposures: {source: home_row_exposures, unit: user_id, variant: variant, time: ts,
                                experiment_column: experiment, experiment: home_row}
                    metrics: [watch_minutes, returned, sessions, minutes_per_session]
                    cuped: 14d
                    slices: [country, device]
                    guardrail: {sessions: {margin: -2%}}
                    target_mde: 2%
                    days_running: 7
                    """, "home-row", t -> "personalised " + signed(t.number("watch_minutes_relative_lift_personalised") * 100, "%.0f%%")
                            + " watch minutes and minutes per session; ranked no change; returns and sessions unchanged: ship personalised.", """
                    home_row_exposures: {table: home_row_exposures}
                    home_row_activity: {table: home_row_activity}
                    """, """
                    watch_minutes: {source: home_row_activity, unit: user_id, time: ts, value: minutes, aggregate: sum, window: 0d-7d}
                    sessions: {source: home_row_activity, unit: user_id, time: ts, aggregate: count, window: 0d-7d}
                    returned: {source: home_row_activity, unit: user_id, time: ts, aggregate: exists, window: 7d-14d}
                    minutes_per_session: {ratio: [watch_minutes, sessions]}
                    """),
            new Entry("artwork_test", "sequential", "Which artwork makes members play the title, dropping losers early?", """
                    method: sequential
                    exposures: {source: artwork_exposures, unit: member_id, variant: variant, time: ts}
                    metrics: [played_title]
                    every: 1
                    demote: true
                    """, "artwork", t -> "lead_closeup wins: it plays " + signed(rate(t, "lead_closeup") - rate(t, "control"), "%.3f")
                            + " above control (12% vs 10%); bold_title (" + signed(rate(t, "bold_title") - rate(t, "control"), "%.3f")
                            + ") and dark_moody (" + signed(rate(t, "dark_moody") - rate(t, "control"), "%.3f") + ") should be demoted.", """
                    artwork_exposures: {table: artwork_exposures}
                    artwork_plays: {table: artwork_plays}
                    """, """
                    played_title: {source: artwork_plays, unit: member_id, time: ts, aggregate: exists, window: 0d-1d, filter: "title_id = 'title_42'"}
                    """),
            new Entry("artwork_live_loop", "simulate-live", "If the artwork test ran live and dropped losers as it went, who would see what?", """
                    method: simulate-live
                    scenario: artwork
                    days: 21
                    members_per_day: 5000
                    seed: 1
                    """, "artwork", t -> "bold_title (" + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * rate(t, "bold_title"))
                            + " plays) and dark_moody (" + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * rate(t, "dark_moody"))
                            + ") are worse than control (" + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * rate(t, "control"))
                            + ") and should stop getting traffic; lead_closeup (" + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * rate(t, "lead_closeup"))
                            + ") is the best."),
            new Entry("concurrent_tests", "interactions", "Do any of ten concurrent experiments interfere?", """
                    method: interactions
                    table: concurrent
                    experiments: [home_1, home_2, home_3, home_4, player_1, player_2, player_3, search_1, search_2, search_3]
                    metric: [watch_minutes]
                    """, "concurrent", t -> "only home_2 x player_1 interact (" + signed(t.number("interaction"), "%.0f") + " watch minutes)."),
            new Entry("lakeview_billboard", "synth", "Did the billboard in Lakeview bring sign-ups?", """
                    method: synth
                    table: city_signups
                    unit: city
                    time: week
                    outcome: signups_per_100k
                    treated: Lakeview
                    treatment_time: 80
                    exclude: [Harborview, Millbrook, Redwood, Summit]
                    placebos: true
                    """, "billboard", t -> "Lakeview " + signed(t.number("relative_lift") * 100, "%.0f%%") + " from week 80, which is on average "
                            + signed(t.number("att_per_100k"), "%.2f") + " signups per 100k per week."),
            new Entry("billboard_expansion", "synth", "In which kinds of city did the billboards work best, and where should the next ones go?", """
                    method: synth
                    # Lakeview (billboard since week 80) is left out: neither a donor nor a candidate
                    sql: "SELECT * FROM city_signups WHERE billboard_wave <> 1"
                    unit: city
                    time: week
                    outcome: signups_per_100k
                    treated: [Harborview, Millbrook, Redwood, Summit]
                    treatment_time: 92
                    traits: [urban_share]
                    predict_candidates: true
                    """, "billboard", DemoStudies::secondWave),
            new Entry("next_billboard_test", "geo-design", "Where should the next billboard test run, and what lift could it detect?", """
                    method: geo-design
                    sql: "SELECT city, week, signups_per_100k FROM city_signups WHERE billboard_wave = 0"
                    unit: city
                    time: week
                    outcome: signups_per_100k
                    test_units: 2
                    duration: 6
                    effects: [0.01, 0.02, 0.05]
                    candidates: [Ashford, Bayside, Brookfield, Cedar Falls, Clearwater, Crestwood]
                    """, "billboard", t -> "no true answer to recover (a design, not an estimate); Lakeview's billboard lifted sign-ups by "
                            + signed(t.number("relative_lift") * 100, "%.0f%%") + ", which a 6-week test in two of these cities should detect."),
            new Entry("feature_launch", "did", "How much did the staggered feature launch raise engagement?", """
                    method: did
                    table: region_engagement
                    unit: region
                    time: month
                    outcome: hours_per_member
                    first_treated: first_treated
                    control: not-yet
                    """, "launch", t -> signed(t.number("att_simple"), "%.2f") + " hours per member averaged over every group and "
                            + "period after launch (0.4 + 0.1 per month since launch); parallel trends hold."),
            new Entry("referral_programme", "observe", "Do referred members stay active because of the referral?", """
                    method: observe
                    table: referral_analysis
                    treatment: referred
                    outcome: inactive_30
                    covariates: [trial_minutes, friends_on_service, country]
                    estimator: aipw
                    estimand: ate
                    better: lower
                    """, "referral", t -> "referral changes inactive 30 by " + signed(t.number("ate"), "%.3f") + " on average ("
                            + signed(t.number("ate") * 100, "%.1f") + " points of the 30-day inactivity rate); the naive gap overstates it."),
            new Entry("referral_naive_gap", "ab", "How much less often do referred members lapse, before adjusting for anything?", """
                    method: ab
                    exposures: {source: signups, unit: member_id, variant: referral, time: signup_date}
                    metrics: [inactive_30]
                    control: not_referred
                    split: {not_referred: 0.74, referred: 0.26}
                    """, "referral", t -> "the naive gap overstates referral's effect (confounded by trial viewing, friends and country); "
                            + "referral_programme gives the causal estimate.", """
                    signups: {sql: "SELECT member_id, signup_date, CASE WHEN referral_code IS NULL THEN 'not_referred' ELSE 'referred' END AS referral FROM members"}
                    activity: {table: activity}
                    """, """
                    inactive_30: {source: activity, unit: member_id, time: day, aggregate: absent, window: 30d-37d, better: lower}
                    """),
            new Entry("referral_dag", "dag_adjust", "What must the referral analysis adjust for?", """
                    method: dag_adjust
                    dag: |
                    %s
                    """.formatted(ReferralScenario.DAG.strip().indent(2).stripTrailing()),
                    "referral", t -> "adjust for country, friends_on_service and trial_minutes; not for first_week_minutes (a mediator)."));

    private DemoStudies() {
    }

    /** The demo's studies whose methods this build has. */
    public static List<Entry> available() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : ALL) {
            if (StudyMethods.names().contains(e.method())) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@code ceteris.yaml} listing the given studies. */
    public static String yaml(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("""
                # Ceteris demo workspace: one study per built-in scenario (see ground_truth_*.json for the truths).
                # Edit a study and run `ceteris run --workspace .` to store a new run.
                version: 1
                """);
        for (String section : List.of("sources", "metrics")) {
            java.util.Set<String> lines = new java.util.LinkedHashSet<>(); // studies may share a source or a metric
            for (Entry e : entries) {
                (section.equals("sources") ? e.sources() : e.metrics()).lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).forEach(lines::add);
            }
            if (!lines.isEmpty()) {
                sb.append(section).append(":\n");
                lines.forEach(l -> sb.append("  ").append(l).append('\n'));
            }
        }
        sb.append("studies:\n");
        for (Entry e : entries) {
            sb.append("  ").append(e.name()).append(":\n").append(("question: \"" + e.question().replace("\"", "'") + "\"\n"
                    + e.body().strip()).indent(4));
        }
        return sb.toString();
    }
}
