package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.live.Event;
import org.ceteris.live.EventLog;
import org.ceteris.live.LiveRunner;
import org.ceteris.live.DueRuns;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live loop in the server: webhooks retried with backoff against a receiver on loopback, a
 * dead webhook shown as an event, the run not waiting for any of it; /api/events; and the
 * scheduler across a server restart with an injected clock.
 */
class LiveLoopTest {

    @TempDir
    Path dir;

    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static final String STUDY = """
            studies:
              artwork:
                method: sequential
                data: plays.csv
                variant: variant
                metric: played
                time: day
                demote: true
                assignment: {experiment: artwork-row}
            """;

    private Workspace workspace(String top, String schedule) throws IOException {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), top + STUDY + (schedule == null ? "" : "    schedule: " + schedule + "\n"));
        Files.writeString(dir.resolve("assignment.yaml"), "experiments:\n  - {key: artwork-row, variations: [control, a, b], hash_version: 2}\n");
        Random rnd = new Random(3);
        StringBuilder csv = new StringBuilder("variant,played,day\n");
        for (int day = 1; day <= 10; day++) {
            for (String arm : List.of("control", "a", "b")) {
                for (int n = 0; n < 300; n++) {
                    double rate = arm.equals("b") ? 0.12 : 0.3;
                    csv.append(arm).append(',').append(rnd.nextDouble() < rate ? 1 : 0).append(',')
                            .append(java.time.LocalDate.of(2026, 11, 1).plusDays(day)).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("plays.csv"), csv);
        return ws;
    }

    /** A receiver on loopback: /flaky answers 500 twice then 200; /slow waits for {@code gate}. */
    private int receive(CountDownLatch gate) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger flaky = new AtomicInteger();
        receiver.createContext("/flaky", ex -> {
            bodies.add("flaky " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(flaky.incrementAndGet() <= 2 ? 500 : 200, -1);
            ex.close();
        });
        receiver.createContext("/slack", ex -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bodies.add("slack " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        return receiver.getAddress().getPort();
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again: nothing listens there
        }
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void eventsArePostedWithRetriesWithoutDelayingTheRunAndADeadWebhookIsAnEvent() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        int port = receive(gate);
        int dead = deadPort();
        Workspace ws = workspace("alerts:\n  - {url: 'http://127.0.0.1:" + port + "/flaky'}\n  - {url: 'http://127.0.0.1:" + port
                + "/slack', format: slack}\n  - {url: 'http://127.0.0.1:" + dead + "/hook'}\n", null);
        LiveLoop loop = new LiveLoop(ws, "test", Map.of(), at("2026-12-01T06:00:00Z"),
                List.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80)), new ReentrantLock());
        WorkspaceConfig c = WorkspaceConfig.read(ws.config());
        LiveRunner.Outcome o = loop.run(c.studies(), null);
        List<String> kinds = o.events().stream().map(Event::kind).toList();
        assertTrue(kinds.contains(Event.DEMOTED) && kinds.contains(Event.REVISION), kinds.toString());
        assertFalse(bodies.stream().anyMatch(b -> b.startsWith("slack")), "the run returned before the slow webhook answered");
        gate.countDown();
        assertTrue(loop.awaitAlerts(Duration.ofSeconds(60)));

        long flaky = bodies.stream().filter(b -> b.startsWith("flaky")).count();
        assertEquals(o.events().size() + 2, flaky, "every event reached /flaky, two after a retry: " + bodies);
        JsonNode first = Json.read(bodies.stream().filter(b -> b.startsWith("flaky")).toList().get(2).substring(6));
        assertEquals("artwork", first.get("study").asText());
        List<String> slack = bodies.stream().filter(b -> b.startsWith("slack")).toList();
        assertEquals(o.events().size(), slack.size());
        assertTrue(Json.read(slack.get(0).substring(6)).get("text").asText().contains("artwork"), slack.get(0));

        try (DuckDbEngine db = ws.engine(true)) {
            List<Event> stored = EventLog.read(db, null, 100);
            List<Event> deadEvents = stored.stream().filter(e -> e.kind().equals(Event.ALERT_FAILED)).toList();
            assertEquals(o.events().size(), deadEvents.size(), "one alert_failed per undelivered event");
            assertTrue(deadEvents.get(0).message().contains("127.0.0.1:" + dead) && deadEvents.get(0).message().contains("after 4 tries"),
                    deadEvents.get(0).message());
        }
    }

    @Test
    void theServerRunsADueStudyOnceAcrossARestartAndServesItsEvents() throws Exception {
        Workspace ws = workspace("", "daily 06:00");
        HttpClient http = HttpClient.newHttpClient();
        ServerOptions options = ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null);
        int runs = 0;
        try (CeterisServer server = CeterisServer.start(ws, options, at("2026-12-01T06:10:00Z"), false)) {
            runs += server.runDue().runs().size();
            runs += server.runDue().runs().size();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/events?study=artwork")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            JsonNode events = Json.read(r.body()).get("events");
            assertTrue(events.size() >= 2, r.body());
            assertEquals("revision", events.get(0).get("kind").asText(), "newest first: " + r.body());
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/events?study=nope")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, bad.statusCode());
            HttpResponse<String> limit = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/events?limit=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, limit.statusCode());
        }
        assertEquals(1, runs);
        try (CeterisServer again = CeterisServer.start(ws, options, at("2026-12-01T06:20:00Z"), false)) {
            assertEquals(0, again.runDue().runs().size(), "restarted after the 06:00 run: nothing is due");
        }
        try (CeterisServer nextDay = CeterisServer.start(ws, options, at("2026-12-02T06:00:05Z"), false)) {
            assertEquals(1, nextDay.runDue().runs().size());
            assertEquals(0, nextDay.runDue().runs().size());
        }
    }

    /**
     * An idle server's looks do not open the database: with the due study run, another process may hold
     * the workspace (a `ceteris run` writing it) and the looks neither fail nor stand in its way.
     */
    @Test
    void looksWithNothingDueLeaveTheDatabaseToOtherProcesses() throws Exception {
        Workspace ws = workspace("", "daily 06:00");
        ServerOptions options = ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null);
        try (CeterisServer server = CeterisServer.start(ws, options, at("2026-12-01T06:10:00Z"), false)) {
            assertEquals(1, server.runDue().runs().size());
            Process holder = LockHolder.start(ws.database());
            try {
                for (int i = 0; i < 3; i++) {
                    DueRuns.Report r = server.runDue();
                    assertEquals(0, r.due().size());
                    assertEquals(List.of(), r.failures());
                }
            } finally {
                holder.getOutputStream().close();
                holder.waitFor();
            }
            // the looks do not even open it: with the file moved away, none of them makes a new one
            Path moved = ws.database().resolveSibling("moved.duckdb");
            Files.move(ws.database(), moved);
            try {
                assertEquals(0, server.runDue().due().size());
                assertFalse(Files.exists(ws.database()), "a look with nothing due opened the database");
            } finally {
                Files.move(moved, ws.database());
            }
        }
        // another process ran the next day's due time; this server, which last read the day before, runs nothing twice
        try (CeterisServer first = CeterisServer.start(ws, options, at("2026-12-01T06:30:00Z"), false)) {
            assertEquals(0, first.runDue().runs().size());
            try (CeterisServer other = CeterisServer.start(ws, options, at("2026-12-02T06:01:00Z"), false)) {
                assertEquals(1, other.runDue().runs().size());
            }
        }
        try (CeterisServer late = CeterisServer.start(ws, options, at("2026-12-02T06:02:00Z"), false)) {
            assertEquals(0, late.runDue().runs().size(), "the stored time, not this process's memory, decides");
        }
    }
}
