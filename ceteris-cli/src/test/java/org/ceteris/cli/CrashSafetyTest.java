package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code ceteris run}, in separate JVMs: killed with SIGKILL at seeded random moments
 * (before, during and after it stores results), the workspace still opens, every run stored before
 * is byte-identical, and only whole batches exist (the studies of one {@code run} are stored in one
 * transaction, so a partial batch means a partial result). A {@code run} while another process holds
 * the workspace gives the one-line "workspace is busy" error and changes nothing; two concurrent
 * runs each either store a whole batch or say the workspace is busy.
 */
class CrashSafetyTest {

    static final String YAML = """
            version: 1
            studies:
              minutes: {method: ab, table: home_row, variant: variant, metric: watch_minutes, covariate: watch_minutes=pre_minutes}
              returned: {method: ab, table: home_row, variant: variant, metric: returned}
              sessions: {method: ab, table: home_row, variant: variant, metric: sessions}
              per_session: {method: ab, table: home_row, variant: variant, ratio: mps=watch_minutes/sessions}
            """;
    static final int STUDIES = 4;
    static final int KILLS = 8;

    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void create() throws IOException {
        workspace = Workspace.openOrCreate(dir.resolve("ws"));
        try (DuckDbEngine engine = workspace.engine(false)) {
            new HomeRowScenario(10_000).generate(engine, 11);
        }
        Files.writeString(workspace.config(), YAML);
    }

    static ProcessBuilder run() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Ceteris.class.getName(),
                "run", "--workspace", workspace.dir().toString());
    }

    /** Stored runs by id, with their result JSON; checks that only whole batches are stored. */
    static Map<Long, String> stored() {
        Map<Long, String> out = new LinkedHashMap<>();
        try (DuckDbEngine engine = workspace.engine(true)) {
            List<StoredRun> runs = RunHistory.read(engine, null, true);
            assertEquals(0, runs.size() % STUDIES, "a partial batch is stored: " + runs.size() + " runs");
            for (StoredRun r : runs) {
                assertTrue(Json.read(r.result()).get("summary").asText().length() > 20, "incomplete result of run " + r.runId());
                assertFalse(r.summary().isBlank());
                out.put(r.runId(), r.result());
            }
        }
        return out;
    }

    /** About 40 s on a loaded 2-core machine (9 JVMs): tagged slow, run it with -Pall-tests. */
    @Test
    @Tag("slow")
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killedRunsLeaveEarlierResultsIntactAndNoPartialOnes() throws Exception {
        Random random = new Random(20261128);
        // one whole run first: earlier results to protect, and how long a run takes on this machine
        long start = System.nanoTime();
        Process first = run().redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        long duration = (System.nanoTime() - start) / 1_000_000;
        Map<Long, String> before = stored();
        assertEquals(STUDIES, before.size());
        int completed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process p = run().redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long delay = (long) (duration * (0.4 + 1.2 * random.nextDouble())); // kills cluster around the storing
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly(); // SIGKILL on Linux
                p.waitFor(30, TimeUnit.SECONDS);
            } else {
                assertEquals(0, p.exitValue());
                completed++;
            }
            Map<Long, String> after = stored();
            for (Map.Entry<Long, String> e : before.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), "run " + e.getKey() + " changed after kill " + i);
            }
            assertTrue(after.size() >= before.size());
            before = after;
        }
        System.out.println("crash safety: " + (KILLS - completed) + " of " + KILLS + " runs killed, " + completed + " completed, "
                + before.size() + " runs stored; a whole run took " + duration + " ms");
        // and the workspace still takes a full run afterwards
        Process p = run().redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(before.size() + STUDIES, stored().size(), "completed without kill: " + completed);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunWhileTheWorkspaceIsHeldSaysBusy() throws Exception {
        Map<Long, String> before = stored();
        Process p;
        String err;
        try (DuckDbEngine holder = DuckDbEngine.onFile(workspace.database(), false)) {
            holder.execute("SELECT 1");
            p = run().start();
            err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.startsWith("error: workspace is busy"), err);
        assertFalse(err.contains("\n"), err);
        assertEquals(before, stored());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoConcurrentRunsNeverCorrupt() throws Exception {
        int before = stored().size();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(run().start());
        }
        int ok = 0;
        for (Process p : ps) {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS));
            if (p.exitValue() == 0) {
                ok++;
            } else {
                assertEquals(2, p.exitValue(), err);
                assertTrue(err.startsWith("error: workspace is busy") && !err.contains("\n"), err);
            }
        }
        assertTrue(ok >= 1, "neither run stored anything");
        assertEquals(before + ok * STUDIES, stored().size());
    }
}
