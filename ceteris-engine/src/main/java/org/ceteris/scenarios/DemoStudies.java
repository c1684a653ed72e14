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

    /** One study: its name, method, YAML body (indented two spaces under the name) and the truth in words. */
    public record Entry(String name, String method, String question, String body, String truth) {
    }

    private static final List<Entry> ALL = List.of(
            new Entry("home_row_ranking", "ab", "Which home-page row ranking makes members watch more?", """
                    method: ab
                    table: home_row
                    variant: variant
                    metric: [watch_minutes, returned, sessions]
                    covariate: [watch_minutes=pre_minutes]
                    ratio: [minutes_per_session=watch_minutes/sessions]
                    guardrail: {sessions: {margin: -2%}}
                    target_mde: 2%
                    days_running: 7
                    """, "personalised +4% watch minutes and minutes per session; ranked no change; returns and sessions "
                    + "unchanged: ship personalised."),
            new Entry("artwork_test", "sequential", "Which artwork makes members play the title, dropping losers early?", """
                    method: sequential
                    table: artwork
                    variant: variant
                    metric: played
                    time: day
                    every: 1
                    demote: true
                    """, "lead_closeup wins (12% vs 10%); bold_title (7%) and dark_moody (7.5%) should be demoted."),
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
                studies:
                """);
        for (Entry e : entries) {
            sb.append("  ").append(e.name()).append(":\n").append(e.body().strip().indent(4));
        }
        return sb.toString();
    }
}
