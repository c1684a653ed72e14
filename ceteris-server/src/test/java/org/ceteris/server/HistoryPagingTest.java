package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ceteris.server.ApiTest.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.studies.Headline;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A study with a long history (250 runs, more than the server keeps in memory) and a server with
 * its own DuckDB limits: the study document carries the newest runs, the history route pages
 * through all of them, and every connection has the limits.
 */
class HistoryPagingTest {

    static final int RUNS = 250;

    @TempDir
    static Path dir;
    static CeterisServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Workspace ws = Workspace.openOrCreate(dir);
        Files.writeString(ws.config(), """
                studies:
                  long:
                    method: ab
                    table: t
                    variant: v
                    metric: y
                  other:
                    method: ab
                    table: t
                    variant: v
                    metric: y
                """);
        List<StoredRun> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Headline h = new Headline("y, B vs A", i, i - 1, i + 1, false, Headline.POSITIVE);
            runs.add(new StoredRun(0, "long", "ab", Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i), "v",
                    "{\"method\":\"ab\"}", "{\"method\":\"ab\",\"summary\":\"s\"}", h, "s"));
            if (i % 50 == 0) {
                runs.add(new StoredRun(0, "other", "ab", Instant.parse("2026-11-27T10:00:00Z"), "v", "{}", "{}", null, "s"));
            }
        }
        try (DuckDbEngine engine = ws.engine(false)) {
            RunHistory.ensure(engine);
            engine.inTransaction(() -> RunHistory.append(engine, runs));
        }
        server = CeterisServer.start(ws, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null).withDuckDb("256MiB", 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertEquals(200, r.statusCode(), r::body);
        return Json.read(r.body());
    }

    static List<Long> ids(JsonNode history) {
        List<Long> out = new ArrayList<>();
        history.forEach(r -> out.add(r.get("run_id").asLong()));
        return out;
    }

    @Test
    void theStudyDocumentCarriesTheNewestRunsAndTheTotal() throws Exception {
        JsonNode s = get("/api/studies/long");
        assertEquals(RUNS, s.get("runs").asInt());
        List<Long> shown = ids(s.get("history"));
        assertEquals(WorkspaceState.RECENT, shown.size());
        assertEquals(s.get("last_run").get("run_id").asLong(), shown.get(shown.size() - 1), "ends with the latest run");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) > shown.get(i - 1), "oldest first");
        }
        JsonNode card = get("/api/studies").get("studies").get(0);
        assertEquals(RUNS, card.get("runs").asInt());
        assertEquals(30, card.get("history").size());
    }

    @Test
    void historyPagesFromNewestToOldestWithoutGapsOrRepeats() throws Exception {
        JsonNode first = get("/api/studies/long/history");
        assertEquals(RUNS, first.get("runs").asInt());
        assertEquals(WorkspaceState.RECENT, first.get("limit").asInt());
        assertEquals(ids(get("/api/studies/long").get("history")), ids(first.get("history")), "the default page is the study's");
        List<Long> all = new ArrayList<>(ids(first.get("history")));
        JsonNode page = first;
        int pages = 1;
        while (!page.get("next_before").isNull()) {
            page = get("/api/studies/long/history?limit=70&before=" + page.get("next_before").asLong());
            all.addAll(0, ids(page.get("history")));
            pages++;
        }
        assertEquals(4, pages, "100 + 70 + 70 + 10");
        assertEquals(RUNS, all.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i) > all.get(i - 1), "oldest first, no repeats: " + all);
        }
        JsonNode whole = get("/api/studies/long/history?limit=1000");
        assertEquals(all, ids(whole.get("history")));
        assertTrue(whole.get("next_before").isNull());
        JsonNode headline = whole.get("history").get(0).get("headline");
        assertEquals(0.0, headline.get("estimate").asDouble(), "the oldest run is the first stored");
    }

    @Test
    void aShortHistoryIsServedWhole() throws Exception {
        JsonNode h = get("/api/studies/other/history");
        assertEquals(5, h.get("history").size());
        assertTrue(h.get("next_before").isNull());
        JsonNode older = get("/api/studies/other/history?limit=2&before=" + h.get("history").get(4).get("run_id").asLong());
        assertEquals(ids(h.get("history")).subList(2, 4), ids(older.get("history")));
        assertEquals(h.get("history").get(2).get("run_id").asLong(), older.get("next_before").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=ten", "limit=", "before=0", "before=-5", "before=1.5"})
    void badPagingParametersAre400(String query) throws Exception {
        problem(send("GET", "/api/studies/long/history?" + query, null), 400, "must be a whole number from 1");
    }

    @Test
    void everyConnectionHasTheServersDuckDbLimits() throws Exception {
        HttpResponse<String> r = send("POST", "/api/query",
                "{\"sql\": \"SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t\"}");
        assertEquals(200, r.statusCode(), r::body);
        JsonNode row = Json.read(r.body()).get("rows").get(0);
        assertEquals("256.0 MiB", row.get(0).asText());
        assertEquals(1, row.get(1).asInt());
    }

    @Test
    void duckDbLimitsAreChecked() {
        ServerOptions d = ServerOptions.defaults("test");
        assertEquals(ServerOptions.DEFAULT_DUCKDB_MEMORY, d.duckdbMemory());
        assertEquals("2 GB", d.withDuckDb(" 2 GB ", 2).duckdbMemory());
        assertEquals("512MiB", d.withDuckDb("512MiB", 2).duckdbMemory());
        assertTrue(assertThrows(CeterisException.class, () -> d.withDuckDb("lots", 2)).getMessage().contains("--duckdb-memory"));
        assertTrue(assertThrows(CeterisException.class, () -> d.withDuckDb("512", 2)).getMessage().contains("like 512MB"));
        assertTrue(assertThrows(CeterisException.class, () -> d.withDuckDb("1GB", 0)).getMessage().contains("--duckdb-threads"));
    }
}
