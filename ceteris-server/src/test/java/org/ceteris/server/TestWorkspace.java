package org.ceteris.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.workspace.StudyRunner;
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
                method: ab
                table: home_row
                variant: variant
                metric: [watch_minutes, returned]
                covariate: watch_minutes=pre_minutes
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
            """;

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
        }
        Files.writeString(ws.config(), YAML);
        WorkspaceConfig config = WorkspaceConfig.read(ws.config());
        List<org.ceteris.studies.StudySpec> run = config.studies().subList(0, 3);
        StudyRunner.run(ws, run, "test");
        StudyRunner.run(ws, run, "test");
        return ws;
    }
}
