package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.StudyRunner;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code ceteris run}, in separate JVMs: killed with SIGKILL at each step of storing
 * its results (stopped there through the debugger: before the transaction, with it open, after one,
 * two and three of four rows, at the commit and after it), the workspace still opens, every run stored before
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

    /**
     * Where a {@code run} is killed: each point is a method entry in the child, reached through the
     * debugger (JDWP), which stops the child there so that the SIGKILL lands exactly at that point of
     * storing, whatever the machine's speed. {@code stored} says whether the batch must be in the
     * history afterwards.
     */
    enum KillPoint {
        BEFORE_TRANSACTION(false), TRANSACTION_OPEN(false), AFTER_ONE_ROW(false), AFTER_TWO_ROWS(false), AFTER_THREE_ROWS(false),
        AT_COMMIT(false), AFTER_COMMIT(true);

        final boolean stored;

        KillPoint(boolean stored) {
            this.stored = stored;
        }
    }

    /** About 80 s on a loaded 2-core machine (9 JVMs, 7 under the debugger): tagged slow, run it with -Pall-tests. */
    @Test
    @Tag("slow")
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killedRunsLeaveEarlierResultsIntactAndNoPartialOnes() throws Exception {
        // one whole run first: earlier results to protect
        Process first = run().redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        Map<Long, String> before = stored();
        assertEquals(STUDIES, before.size());
        for (KillPoint point : KillPoint.values()) {
            Process p = runStoppedAt(point);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), point + ": the run was not killed (128 + SIGKILL)");
            Map<Long, String> after = stored();
            for (Map.Entry<Long, String> e : before.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), "run " + e.getKey() + " changed after a kill " + point);
            }
            assertEquals(before.size() + (point.stored ? STUDIES : 0), after.size(), "runs stored after a kill " + point);
            before = after;
        }
        // and the workspace still takes a full run afterwards
        Process p = run().redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(before.size() + STUDIES, stored().size());
    }

    /**
     * Starts {@code ceteris run} under the debugger, lets it run to {@code point} and kills it there
     * with SIGKILL while the debugger holds every thread still. Fails if the point is never reached.
     */
    static Process runStoppedAt(KillPoint point) throws Exception {
        List<String> cmd = new ArrayList<>(run().command());
        cmd.add(1, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // "Listening for transport dt_socket at address: 40123"
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.contains("address:"), "no debugger address: " + line);
        AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = connector.defaultArguments();
        args.get("hostname").setValue("127.0.0.1");
        args.get("port").setValue(line.substring(line.lastIndexOf(':') + 1).strip());
        VirtualMachine vm = connector.attach(args);
        EventRequestManager requests = vm.eventRequestManager();
        Map<String, BreakpointRequest> at = new HashMap<>();
        for (String cls : List.of(StudyRunner.class.getName(), RunHistory.class.getName(), "org.duckdb.DuckDBConnection",
                "org.duckdb.DuckDBPreparedStatement")) {
            ClassPrepareRequest r = requests.createClassPrepareRequest();
            r.addClassFilter(cls);
            r.enable();
        }
        Set<String> wanted = new HashSet<>(Set.of("store"));
        int insertsBeforeKill = point.ordinal() - KillPoint.AFTER_ONE_ROW.ordinal() + 2; // after k rows: call k + 1 of executeUpdate
        vm.resume();
        try {
            while (true) {
                EventSet events = vm.eventQueue().remove(60_000);
                assertTrue(events != null, point + " was never reached");
                for (Event e : events) {
                    if (e instanceof ClassPrepareEvent cp) {
                        ReferenceType type = cp.referenceType();
                        switch (type.name()) {
                            case "org.ceteris.workspace.StudyRunner" -> at.put("store", breakpoint(requests, type, "store", null));
                            case "org.ceteris.workspace.RunHistory" -> at.put("append", breakpoint(requests, type, "append", null));
                            case "org.duckdb.DuckDBConnection" -> {
                                at.put("commit", breakpoint(requests, type, "commit", "()V"));
                                at.put("autocommit", breakpoint(requests, type, "setAutoCommit", "(Z)V"));
                            }
                            default -> {
                                BreakpointRequest insert = breakpoint(requests, type, "executeUpdate", "()I");
                                insert.addCountFilter(Math.max(1, insertsBeforeKill));
                                at.put("insert", insert);
                            }
                        }
                        enableWanted(at, wanted);
                    } else if (e instanceof BreakpointEvent b) {
                        String hit = at.entrySet().stream().filter(x -> x.getValue().equals(b.request())).findFirst().orElseThrow().getKey();
                        boolean kill = switch (point) {
                            case BEFORE_TRANSACTION -> true;
                            case TRANSACTION_OPEN -> hit.equals("append");
                            case AFTER_ONE_ROW, AFTER_TWO_ROWS, AFTER_THREE_ROWS -> hit.equals("insert");
                            case AT_COMMIT -> hit.equals("commit");
                            case AFTER_COMMIT -> hit.equals("autocommit");
                        };
                        if (kill) {
                            p.destroyForcibly(); // SIGKILL while every thread of the run is stopped here
                            return p;
                        }
                        b.request().disable();
                        switch (hit) {
                            case "store" -> wanted.add("append"); // the transaction opens, the table is ensured, then append
                            case "append" -> wanted.addAll(List.of("insert", "commit"));
                            case "commit" -> wanted.add("autocommit"); // inTransaction's finally, after the commit returned
                            default -> { }
                        }
                        wanted.remove(hit);
                        enableWanted(at, wanted);
                    }
                }
                events.resume();
            }
        } catch (VMDisconnectedException e) {
            throw new AssertionError("the run ended before " + point + ": exit " + p.waitFor(), e);
        } catch (RuntimeException | AssertionError e) {
            p.destroyForcibly(); // never leave a stopped child holding the workspace
            throw e;
        }
    }

    /** Enables the breakpoints wanted whose classes are loaded (the others are enabled when their class loads). */
    private static void enableWanted(Map<String, BreakpointRequest> at, Set<String> wanted) {
        for (String w : wanted) {
            if (at.containsKey(w) && !at.get(w).isEnabled()) {
                at.get(w).enable();
            }
        }
    }

    private static BreakpointRequest breakpoint(EventRequestManager requests, ReferenceType type, String method, String signature) {
        Method m = type.methodsByName(method).stream().filter(x -> signature == null || x.signature().equals(signature))
                .findFirst().orElseThrow(() -> new AssertionError(type.name() + "." + method + " not found"));
        BreakpointRequest r = requests.createBreakpointRequest(m.location());
        r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        return r;
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
