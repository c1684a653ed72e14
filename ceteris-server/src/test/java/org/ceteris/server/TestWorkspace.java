package org.ceteris.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.scenarios.ArtworkScenario;
import org.ceteris.scenarios.BillboardScenario;
import org.ceteris.scenarios.ConcurrentScenario;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.scenarios.LaunchScenario;
import org.ceteris.scenarios.ReferralScenario;
import org.ceteris.live.LiveRunner;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;

/**
 * A workspace for server and browser tests: the generated home-page experiment and four studies —
 * a clear win (CUPED on watch minutes), a ratio metric read through {@code sql:}, a study whose
 * configured split does not match the data (sample-ratio mismatch), one never run, and one the API
 * tests run. Every run
 * study is run twice so it has a history.
 */
final class TestWorkspace {

    static final String YAML = """
            version: 1
            studies:
              home_row:
                question: Which home-page row ranking makes members watch more?
                method: ab
                table: home_row
                variant: variant
                metric: [watch_minutes, returned]
                covariate: watch_minutes=pre_minutes
                quantile: [watch_minutes:0.9]
                inference: bayesian
                guardrail: {returned: {margin: -10%}}
              minutes_per_session:
                method: ab
                sql: SELECT * FROM home_row
                variant: variant
                ratio: minutes_per_session=watch_minutes/sessions
              skewed_split:
                method: ab
                table: home_row
                variant: variant
                metric: watch_minutes
                split: {control: 0.5, ranked: 0.25, personalised: 0.25}
              not_run_yet:
                method: ab
                table: home_row
                variant: variant
                metric: returned
              run_from_api:
                method: ab
                table: home_row
                variant: variant
                metric: sessions
              launch:
                method: did
                table: region_engagement
                unit: region
                time: month
                outcome: hours_per_member
                first_treated: first_treated
              concurrent:
                method: interactions
                table: concurrent
                experiments: [home_1, home_2, player_1, player_2]
                metric: watch_minutes
              referral:
                method: observe
                table: referral_analysis
                treatment: referred
                outcome: inactive_30
                covariates: [age, trial_minutes, friends_on_service, country]
                estimator: aipw
                question: Do referred members stay active because of the referral?
                better: lower
              referral_dag:
                method: dag_adjust
                exposure: referred
                outcome: inactive_30
                dag: |
            """ + ReferralScenario.DAG.indent(6) + """
              artwork_test:
                method: sequential
                table: artwork
                variant: variant
                metric: played
                time: day
                every: 1
                demote: true
              billboard:
                method: synth
                table: city_signups
                unit: city
                time: week
                outcome: signups_per_100k
                treated: Lakeview
                treatment_time: 80
                exclude: [Harborview, Millbrook, Redwood, Summit]
                placebos: true
              billboard_expansion:
            """ + demoStudy("billboard_expansion") + """
              next_billboard_test:
                method: geo-design
                question: Where should the next billboard test run, and what lift could it detect?
                sql: "SELECT city, week, signups_per_100k FROM city_signups WHERE billboard_wave = 0"
                unit: city
                time: week
                outcome: signups_per_100k
                test_units: 2
                duration: 6
                effects: [0.01, 0.02, 0.05]
                candidates: [Ashford, Bayside, Brookfield, Cedar Falls]
              live_loop:
                method: simulate-live
                question: If the artwork test ran live and dropped losers as it went, who would see what?
                days: 12
                members_per_day: 3000
              one_run:
                method: ab
                table: home_row
                variant: variant
                metric: returned
              hidden_confounder:
                method: dag_adjust
                dag: "dag { watched_trailer [exposure] subscribed [outcome] taste [latent] taste -> watched_trailer taste -> subscribed watched_trailer -> subscribed }"
              nothing_to_adjust:
                method: dag_adjust
                dag: "dag { autoplay [exposure] minutes [outcome] device autoplay -> minutes device -> minutes }"
            """;

    /** The demo's study of that name, as the lines under its name in ceteris.yaml (its question first). */
    static String demoStudy(String name) {
        org.ceteris.scenarios.DemoStudies.Entry e = org.ceteris.scenarios.DemoStudies.available().stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return ("question: \"" + e.question() + "\"\n" + e.body().strip()).indent(4);
    }

    /** Studies run twice at creation (the first three are A/B on home_row; the rest one per method). */
    static final List<String> RUN = List.of("home_row", "minutes_per_session", "skewed_split", "launch", "concurrent",
            "referral", "referral_dag", "artwork_test", "billboard", "billboard_expansion", "next_billboard_test", "live_loop", "hidden_confounder", "nothing_to_adjust");

    /** How many studies YAML lists. */
    static final int STUDIES = 17;

    /** Studies run once at creation: one run is no trend, so their cards draw no sparkline. */
    static final List<String> RUN_ONCE = List.of("one_run");

    private static Workspace shared;

    private TestWorkspace() {
    }

    /**
     * One workspace for every test class of this JVM (creating it is the slow part). Tests may add
     * runs to it, so they compare run counts with what they saw before, never with constants.
     */
    static synchronized Workspace shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("ceteris-test-ws");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            shared = create(dir);
        }
        return shared;
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // temp files; the OS cleans up
        }
    }

    static Workspace create(Path dir) throws Exception {
        Workspace ws = Workspace.openOrCreate(dir);
        try (DuckDbEngine engine = ws.engine(false)) {
            new HomeRowScenario(30_000).generate(engine, 20261127);
            new LaunchScenario().generate(engine, 20261127);
            new ConcurrentScenario(6_000).generate(engine, 20261127);
            new ReferralScenario(2_000).generate(engine, 20261127);
            new ArtworkScenario(400, 14).generate(engine, 20261127);
            new BillboardScenario().generate(engine, 20261127); // 60 cities x 104 weeks (no size parameter)
        }
        Files.writeString(ws.config(), YAML);
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        List<org.ceteris.studies.StudySpec> run = config.studies().stream().filter(s -> RUN.contains(s.name())).toList();
        // through the live loop, so the workspace has events (the skewed split's SRM, the artwork test's demotions)
        LiveRunner.run(ws, config, run, "test", java.util.Map.of(), java.time.Clock.systemUTC());
        LiveRunner.run(ws, config, run, "test", java.util.Map.of(), java.time.Clock.systemUTC());
        LiveRunner.run(ws, config, config.studies().stream().filter(s -> RUN_ONCE.contains(s.name())).toList(), "test",
                java.util.Map.of(), java.time.Clock.systemUTC());
        return ws;
    }
}
