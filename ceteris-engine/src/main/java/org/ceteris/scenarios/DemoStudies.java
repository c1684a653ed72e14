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
     * One study: its name, method, YAML body (indented two spaces under the name) and the truth in
     * words; a study over raw logs also brings the entries it needs under the top-level
     * {@code sources:} and {@code metrics:} (YAML lines, or empty).
     */
    public record Entry(String name, String method, String question, String body, String truth, String sources, String metrics) {
        public Entry(String name, String method, String question, String body, String truth) {
            this(name, method, question, body, truth, "", "");
        }
    }

    private static final List<Entry> ALL = List.of(
            new Entry("home_row_ranking", "ab", "Which home-page row ranking makes members watch more?", """
                    method: ab
                    exposures: {source: home_row_exposures, unit: user_id, variant: variant, time: ts,
                                experiment_column: experiment, experiment: home_row}
                    metrics: [watch_minutes, returned, minutes_per_session]
                    cuped: 14d
                    slices: [country, device]
                    """, "personalised +4% watch minutes and minutes per session; ranked no change; returns unchanged.", """
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
                    """, "lead_closeup wins (12% vs 10%); bold_title (7%) and dark_moody (7.5%) should be demoted.", """
                    artwork_exposures: {table: artwork_exposures}
                    artwork_plays: {table: artwork_plays}
                    """, """
                    played_title: {source: artwork_plays, unit: member_id, time: ts, aggregate: exists, window: 0d-1d, filter: "title_id = 'title_42'"}
                    """),
            new Entry("concurrent_tests", "interactions", "Do any of ten concurrent experiments interfere?", """
                    method: interactions
                    table: concurrent
                    experiments: [home_1, home_2, home_3, home_4, player_1, player_2, player_3, search_1, search_2, search_3]
                    metric: [watch_minutes]
                    """, "only home_2 x player_1 interact (-6 minutes)."),
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
                    """, "Lakeview +15% from week 80."),
            new Entry("feature_launch", "did", "How much did the staggered feature launch raise engagement?", """
                    method: did
                    table: region_engagement
                    unit: region
                    time: month
                    outcome: hours_per_member
                    first_treated: first_treated
                    control: not-yet
                    """, "0.4 + 0.1 hours per member per month since launch; parallel trends hold."),
            new Entry("referral_programme", "observe", "Do referred members stay active because of the referral?", """
                    method: observe
                    table: referral_analysis
                    treatment: referred
                    outcome: inactive_30
                    covariates: [trial_minutes, friends_on_service, country]
                    estimator: aipw
                    estimand: ate
                    """, "referral lowers the 30-day inactivity rate by about 10 points; the naive gap overstates it."),
            new Entry("referral_naive_gap", "ab", "How much less often do referred members lapse, before adjusting for anything?", """
                    method: ab
                    exposures: {source: signups, unit: member_id, variant: referral, time: signup_date}
                    metrics: [inactive_30]
                    control: not_referred
                    split: {not_referred: 0.74, referred: 0.26}
                    """, "the naive gap overstates referral's effect (confounded by trial viewing, friends and country); "
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
                    "adjust for country, friends_on_service and trial_minutes; not for first_week_minutes (a mediator)."));

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
            sb.append("  ").append(e.name()).append(":\n").append(e.body().strip().indent(4));
        }
        return sb.toString();
    }
}
