package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.ceteris.CeterisException;
import org.ceteris.json.Json;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every route over real HTTP on a real server (port 0), including the bad input of each. */
class ApiTest {

    static Workspace workspace;
    static CeterisServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        workspace = TestWorkspace.shared();
        server = CeterisServer.start(workspace, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null)
                .withLimits(64 * 1024, 5, 1500));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return Json.read(r.body());
    }

    /** An RFC 9457 document with this status and a detail containing {@code fragment}. */
    static JsonNode problem(HttpResponse<String> r, int status, String fragment) {
        assertEquals(status, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode p = Json.read(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("/problems/"), p.toString());
        assertFalse(p.get("title").asText().isBlank());
        assertTrue(p.get("detail").asText().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)), p::toString);
        assertFalse(p.get("detail").asText().contains("\n"), "one line");
        return p;
    }

    @Test
    void listsEveryStudyWithItsHeadline() throws Exception {
        JsonNode doc = ok(send("GET", "/api/studies", null), 200);
        JsonNode studies = doc.get("studies");
        assertEquals(List.of("home_row", "minutes_per_session", "skewed_split", "not_run_yet", "run_from_api"),
                List.of(studies.get(0).get("name").asText(), studies.get(1).get("name").asText(),
                        studies.get(2).get("name").asText(), studies.get(3).get("name").asText(), studies.get(4).get("name").asText()));
        JsonNode home = studies.get(0);
        assertEquals("ab", home.get("method").asText());
        assertTrue(home.get("runs").asInt() >= 2);
        assertEquals("positive", home.get("headline").get("verdict").asText(), home.toString());
        assertTrue(home.get("headline").get("label").asText().contains("personalised vs control"));
        assertTrue(home.get("history").size() >= 2);
        assertEquals("check_data", studies.get(2).get("headline").get("verdict").asText());
        JsonNode never = studies.get(3);
        assertEquals(0, never.get("runs").asInt());
        assertTrue(never.get("headline").isNull() && never.get("last_run_at").isNull());
        assertTrue(doc.get("config_error").isNull());
    }

    @Test
    void oneStudyHasSpecLatestResultAndHistory() throws Exception {
        JsonNode s = ok(send("GET", "/api/studies/minutes_per_session", null), 200);
        assertEquals("SELECT * FROM home_row", s.get("spec").get("sql").asText());
        JsonNode result = s.get("last_run").get("result");
        assertEquals("ab", result.get("method").asText());
        assertEquals("ratio", result.get("metrics").get(0).get("kind").asText());
        assertEquals(s.get("runs").asInt(), s.get("history").size());
        assertTrue(s.get("history").get(0).get("result") == null, "history rows carry headlines, not whole results");
        JsonNode never = ok(send("GET", "/api/studies/not_run_yet", null), 200);
        assertTrue(never.get("last_run").isNull());
    }

    @Test
    void summariesSayDirectionSizeIntervalAndDiagnosticsWithoutJargon() throws Exception {
        String home = ok(send("GET", "/api/studies/home_row", null), 200).get("last_run").get("summary").asText();
        assertTrue(home.contains("personalised increased watch minutes by"), home);
        assertTrue(home.matches("(?s).*\\d+(\\.\\d+)?% compared with control.*"), "size as a percentage: " + home);
        assertTrue(home.contains("interval") && home.matches("(?s).*\\d% to \\d.*"), "the interval: " + home);
        assertTrue(home.contains("no clear change"), "flat variants are named: " + home);
        String skewed = ok(send("GET", "/api/studies/skewed_split", null), 200).get("last_run").get("summary").asText();
        assertTrue(skewed.startsWith("Warning: the number of users in each variant is not what the experiment was set up to give"), skewed);
        for (String s : List.of(home, skewed)) {
            String lower = s.toLowerCase(Locale.ROOT);
            for (String jargon : List.of("p-value", "p value", "null hypothesis", "statistically significant", "heteroskedastic",
                    "t-statistic", "chi", "welch", "cuped", "alpha")) {
                assertFalse(lower.contains(jargon), () -> "jargon '" + jargon + "' in: " + s);
            }
        }
    }

    @Test
    void everyMethodsSummaryIsPlainLanguage() throws Exception {
        Map<String, String> summaries = new java.util.LinkedHashMap<>();
        for (String study : List.of("launch", "concurrent", "referral", "referral_dag", "hidden_confounder", "artwork_test", "billboard")) {
            summaries.put(study, ok(send("GET", "/api/studies/" + study, null), 200).get("last_run").get("summary").asText());
        }
        String did = summaries.get("launch");
        assertTrue(did.contains("hours per member rose by") && did.matches("(?s).*interval \\d.*\\d to \\d.*"), "direction, size, interval: " + did);
        String observe = summaries.get("referral");
        assertTrue(observe.contains("lowered inactive 30 by") && observe.matches("(?s).*interval -?\\d.*to -?\\d.*"), observe);
        assertTrue(observe.contains("warning"), "the limited-overlap warning is mentioned: " + observe);
        assertTrue(summaries.get("concurrent").contains("experiments"), summaries.get("concurrent"));
        String synth = summaries.get("billboard");
        assertTrue(synth.matches("(?s).*Lakeview's signups per 100k was on average \\d.* higher.*") && synth.contains("chance"), synth);
        String sequential = summaries.get("artwork_test");
        assertTrue(sequential.contains("is the winner") && sequential.contains("taken out of the test")
                && sequential.matches("(?s).*above control by \\d.*\\(\\d.* to \\d.*"), "winner, demotions, size, interval: " + sequential);
        assertTrue(summaries.get("referral_dag").contains("country, friends_on_service, trial_minutes"), summaries.get("referral_dag"));
        for (Map.Entry<String, String> e : summaries.entrySet()) {
            String lower = e.getValue().toLowerCase(Locale.ROOT);
            for (String jargon : List.of("p-value", "p value", "null hypothesis", "statistically significant", "heteroskedastic",
                    "t-statistic", "chi", "welch", "alpha", "propensity", "twfe", "aipw", "ipw", "d-separat", "backdoor", "back-door",
                    "standardized mean", "p-values", "confidence sequence", "msprt", "bonferroni")) {
                assertFalse(lower.matches("(?s).*\\b" + java.util.regex.Pattern.quote(jargon) + "\\b.*"),
                        () -> e.getKey() + ": jargon '" + jargon + "' in: " + e.getValue());
            }
        }
    }

    @Test
    void aDagStudyCarriesItsDiagramWithTheAdjustmentSet() throws Exception {
        JsonNode dag = ok(send("GET", "/api/studies/referral_dag", null), 200);
        String dot = dag.get("dot").asText();
        assertTrue(dot.startsWith("digraph"), dot);
        for (String n : List.of("country", "friends_on_service", "trial_minutes")) {
            assertTrue(dot.contains("\"" + n + "\" [style=filled, fillcolor=\"" + DagDrawing.ADJUSTED_FILL + "\""), n + " highlighted in " + dot);
        }
        assertFalse(dot.contains("\"age\" [style=filled, fillcolor=\"" + DagDrawing.ADJUSTED_FILL), "age is not in the set");
        assertTrue(dot.contains("\"referred\" [style=filled, fillcolor=\"#b7e1a1\"]"), "exposure coloured");
        JsonNode hidden = ok(send("GET", "/api/studies/hidden_confounder", null), 200);
        assertFalse(hidden.get("last_run").get("result").get("identifiable").asBoolean());
        assertFalse(hidden.get("dot").asText().contains(DagDrawing.ADJUSTED_FILL), "nothing to highlight");
        assertFalse(ok(send("GET", "/api/studies/home_row", null), 200).has("dot"), "only DAG studies have a diagram");
    }

    @Test
    void runNowStoresARunAndTheStudyShowsIt() throws Exception {
        int before = ok(send("GET", "/api/studies/run_from_api", null), 200).get("runs").asInt();
        JsonNode run = ok(send("POST", "/api/studies/run_from_api/run", null), 201);
        assertEquals("run_from_api", run.get("study").asText());
        assertEquals("ab", run.get("result").get("method").asText());
        assertTrue(run.get("run_id").asLong() > 0);
        JsonNode after = ok(send("GET", "/api/studies/run_from_api", null), 200);
        assertEquals(before + 1, after.get("runs").asInt());
        assertEquals(run.get("run_id").asLong(), after.get("last_run").get("run_id").asLong());
        JsonNode history = ok(send("GET", "/api/studies/run_from_api/history", null), 200);
        assertEquals(before + 1, history.get("history").size());
        ok(send("POST", "/api/studies/run_from_api/run", "{}", "Content-Type", "application/json"), 201);
    }

    @Test
    void runsStoredByAnotherWriterShowUpWithoutARestart() throws Exception {
        int before = ok(send("GET", "/api/studies/minutes_per_session", null), 200).get("runs").asInt();
        // the server holds no connection between requests, so a writer (here: what `ceteris run` does) can open the file
        org.ceteris.workspace.StudyRunner.run(workspace,
                List.of(org.ceteris.workspace.WorkspaceConfig.read(workspace.config()).study("minutes_per_session")), "external");
        JsonNode after = null;
        for (int i = 0; i < 40; i++) {
            after = ok(send("GET", "/api/studies/minutes_per_session", null), 200);
            if (after.get("runs").asInt() == before + 1) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(before + 1, after.get("runs").asInt());
        assertEquals("external", after.get("last_run").get("ceteris_version").asText());
    }

    @Test
    void historyIsOldestFirst() throws Exception {
        JsonNode h = ok(send("GET", "/api/studies/home_row/history", null), 200).get("history");
        assertTrue(h.size() >= 2);
        for (int i = 1; i < h.size(); i++) {
            assertTrue(h.get(i).get("run_id").asLong() > h.get(i - 1).get("run_id").asLong());
        }
        assertEquals("test", h.get(0).get("ceteris_version").asText());
    }

    @Test
    void unknownStudyIs404OnEveryStudyRoute() throws Exception {
        problem(send("GET", "/api/studies/nope", null), 404, "no study 'nope'");
        problem(send("GET", "/api/studies/nope/history", null), 404, "studies: home_row");
        problem(send("POST", "/api/studies/nope/run", null), 404, "no study 'nope'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1, 2]", "\"text\"", "{\"a\": }"})
    void malformedBodiesAre400(String body) throws Exception {
        problem(send("POST", "/api/studies/home_row/run", body), 400, "body");
        problem(send("POST", "/api/query", body), 400, "");
    }

    @Test
    void queryReturnsRowsUpToTheLimit() throws Exception {
        JsonNode r = ok(send("POST", "/api/query", "{\"sql\": \"SELECT variant, count(*) AS n FROM home_row GROUP BY 1 ORDER BY 1\"}"), 200);
        assertEquals("variant", r.get("columns").get(0).get("name").asText());
        assertEquals(3, r.get("row_count").asInt());
        assertEquals("control", r.get("rows").get(0).get(0).asText());
        assertFalse(r.get("truncated").asBoolean());
        JsonNode big = ok(send("POST", "/api/query", "{\"sql\": \"SELECT * FROM home_row\"}"), 200);
        assertEquals(5, big.get("rows").size());
        assertTrue(big.get("truncated").asBoolean());
        JsonNode runs = ok(send("POST", "/api/query", "{\"sql\": \"-- history\\nWITH r AS (SELECT * FROM ceteris_runs) SELECT count(*) FROM r;\"}"), 200);
        assertTrue(runs.get("rows").get(0).get(0).asInt() >= 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP TABLE home_row", "INSERT INTO home_row SELECT * FROM home_row", "DELETE FROM ceteris_runs",
            "UPDATE home_row SET variant = 'x'", "CREATE TABLE t AS SELECT 1", "COPY home_row TO '/tmp/x.csv'",
            "ATTACH '/tmp/other.duckdb'", "SET threads = 1", "PRAGMA enable_profiling", "SELECT 1; DROP TABLE home_row",
            "INSTALL httpfs", "  /* hi */ delete from home_row"})
    void writesAndNonQueriesAre400(String sql) throws Exception {
        problem(send("POST", "/api/query", Json.mapper().writeValueAsString(java.util.Map.of("sql", sql))), 400, "");
        JsonNode n = ok(send("POST", "/api/query", "{\"sql\": \"SELECT count(*) FROM home_row\"}"), 200);
        assertEquals(30_000, n.get("rows").get(0).get(0).asInt(), "the table is untouched");
    }

    @Test
    void queriesCannotReadFilesOrRunForever() throws Exception {
        problem(send("POST", "/api/query", "{\"sql\": \"SELECT * FROM read_csv('/etc/passwd')\"}"), 400, "SQL error");
        problem(send("POST", "/api/query", "{\"sql\": \"SELECT count(*) FROM range(1000000000000) a\"}"), 400, "longer than");
        problem(send("POST", "/api/query", "{\"sql\": \"SELECT nope FROM home_row\"}"), 400, "nope");
        problem(send("POST", "/api/query", "{\"sql\": \"\"}"), 400, "give a query");
        problem(send("POST", "/api/query", "{\"query\": \"SELECT 1\"}"), 400, "{\"sql\"");
    }

    @Test
    void hugeBodiesAre413() throws Exception {
        // just over the 64 KiB limit: the body fits in the loopback socket buffers, so the client finishes
        // writing before the server answers 413 and closes (with a much larger body the early answer races
        // the client's write and the client sees a broken pipe instead of the 413)
        String huge = "{\"sql\": \"SELECT '" + "x".repeat(70_000) + "'\"}";
        problem(send("POST", "/api/query", huge), 413, "larger than");
        // without Content-Length (chunked) the body is cut at the same limit
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/query"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r::body);
    }

    @Test
    void assignIs404UntilAnAssignmentConfigExists() throws Exception {
        problem(send("GET", "/api/assign?unit=u1", null), 404, "assignment.yaml");
    }

    static final String ASSIGNMENT = """
            namespaces:
              homepage: {}
            experiments:
              - key: row-ranking
                variations: [control, personalised]
                weights: [0.5, 0.5]
                namespace: [homepage, 0.0, 0.5]
              - key: us-artwork
                variations: [old, new]
                condition: {country: US, age: {$gte: 18}}
            """;

    @Test
    void assignAnswersLikeTheCliOnceTheWorkspaceHasAnAssignmentConfig() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ceteris-assign-ws");
        Workspace ws = Workspace.openOrCreate(dir);
        try (CeterisServer own = CeterisServer.start(ws, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            String base = "http://127.0.0.1:" + own.port();
            java.util.function.Function<String, HttpResponse<String>> get = path -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            problem(get.apply("/api/assign?unit=u1"), 404, "assignment.yaml");
            java.nio.file.Files.writeString(dir.resolve("assignment.yaml"), ASSIGNMENT);
            org.ceteris.assign.Assigner assigner = new org.ceteris.assign.Assigner(
                    org.ceteris.assignment.AssignConfigYaml.read(dir.resolve("assignment.yaml")));
            for (String unit : List.of("u1", "member-42", "ü 7")) {
                String q = java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8);
                HttpResponse<String> r = get.apply("/api/assign?unit=" + q + "&attr=country=US&attr=age=30");
                JsonNode doc = ok(r, 200);
                // what `ceteris assign --config assignment.yaml --unit ID --attr country=US --attr age=30 --json` prints
                String cli = Json.write(assigner.assign(unit, Map.of("country", "US", "age", 30.0), Map.of()));
                assertEquals(cli, r.body(), unit);
                assertEquals(unit, doc.get("unit").asText());
            }
            JsonNode adult = ok(get.apply("/api/assign?unit=u1&attr=country=US&attr=age=30"), 200);
            JsonNode minor = ok(get.apply("/api/assign?unit=u1&attr=country=US&attr=age=12"), 200);
            assertNotEquals(adult.toString(), minor.toString(), "numbers in attr are typed: age 12 fails the targeting");
            JsonNode forced = ok(get.apply("/api/assign?unit=u1&force=row-ranking=personalised"), 200);
            assertTrue(forced.toString().contains("personalised"), forced::toString);
            problem(get.apply("/api/assign"), 400, "unit");
            problem(get.apply("/api/assign?unit="), 400, "unit");
            problem(get.apply("/api/assign?unit=u1&attr=country"), 400, "KEY=VALUE");
            java.nio.file.Files.writeString(dir.resolve("assignment.yaml"), "experiments: [{key: x, variations: [a]}, {key: x}]\n");
            problem(get.apply("/api/assign?unit=u1"), 422, "assignment.yaml");
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void openApiDocumentsEveryRoute() throws Exception {
        JsonNode doc = ok(send("GET", "/openapi.json", null), 200);
        assertEquals("3.1.0", doc.get("openapi").asText());
        for (String path : List.of("/api/studies", "/api/studies/{name}", "/api/studies/{name}/run", "/api/studies/{name}/history",
                "/api/query", "/api/assign", "/api/events", "/openapi.json")) {
            assertTrue(doc.get("paths").has(path), path);
        }
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() throws Exception {
        problem(send("GET", "/api/nothing", null), 404, "/api/nothing");
        problem(send("GET", "/no-such-page.html", null), 404, "");
        HttpResponse<String> r = send("DELETE", "/api/studies/home_row", null);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void crossSitePostsAreRefused() throws Exception {
        problem(send("POST", "/api/studies/home_row/run", null, "Origin", "http://evil.example"), 403, "other sites");
    }

    @Test
    void staticFilesAreServedAndCannotEscapeTheirFolder() throws Exception {
        HttpResponse<String> home = send("GET", "/", null);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("vendor/vega.min.js"));
        assertEquals(200, send("GET", "/vendor/vega-lite.min.js", null).statusCode());
        assertTrue(send("GET", "/views.js", null).body().contains("Ceteris.views.register('ab'"));
        for (String path : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/vendor/..%2f..%2f..%2fopenapi.json",
                "/../org/ceteris/server/CeterisServer.class", "/%2e%2e/org/ceteris/server/CeterisServer.class",
                "/..%5c..%5cetc%5cpasswd", "/static/../openapi.json", "/../ceteris.yaml", "/vendor/%2e%2e/%2e%2e/logback.xml")) {
            String raw = rawGet(path);
            int status = Integer.parseInt(raw.substring(9, 12));
            assertNotEquals(200, status, path + " -> " + raw);
            assertFalse(raw.contains("root:") || raw.contains("CAFEBABE") || raw.contains("studies:"), path);
            assertTrue(status >= 400 && status < 500, path + " -> " + status);
            assertTrue(raw.contains("Content-Type: application/problem+json"), path + " -> " + raw);
        }
    }

    @Test
    void runWhileAnotherProcessWritesIs409() throws Exception {
        Process holder = LockHolder.start(workspace.database());
        try {
            problem(send("POST", "/api/studies/home_row/run", null), 409, "workspace is busy");
            // reads keep working from what the server already knows
            ok(send("GET", "/api/studies/home_row", null), 200);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        ok(send("POST", "/api/studies/home_row/run", null), 201);
    }

    @Test
    void aTokenGuardsEveryApiCall() throws Exception {
        try (CeterisServer guarded = CeterisServer.start(workspace, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, "s3cret"))) {
            String base = "http://127.0.0.1:" + guarded.port();
            for (String path : List.of("/api/studies", "/api/studies/home_row", "/api/studies/home_row/history", "/openapi.json", "/api/assign?unit=1")) {
                HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                problem(none, 401, "token");
                HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer nope").build(),
                        HttpResponse.BodyHandlers.ofString());
                problem(wrong, 401, "wrong");
            }
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/query"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
            problem(post, 401, "token");
            HttpResponse<String> right = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/studies/home_row"))
                    .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, right.statusCode());
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "pages hold no data; the page's API calls carry the token");
        }
    }

    @Test
    void anInvalidConfigIsReportedNotFatal(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        Workspace broken = Workspace.openOrCreate(other);
        java.nio.file.Files.writeString(broken.config(), "studies:\n  a:\n    method: ab\n   table: [x\n");
        try (CeterisServer s = CeterisServer.start(broken, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            String base = "http://127.0.0.1:" + s.port();
            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/studies")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode doc = ok(list, 200);
            assertTrue(doc.get("config_error").asText().contains("ceteris.yaml, line 4"), doc::toString);
            assertEquals(0, doc.get("studies").size());
            HttpResponse<String> one = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/studies/a")).build(), HttpResponse.BodyHandlers.ofString());
            problem(one, 422, "line 4");
        }
    }

    @Test
    void aStudyRunHonoursTheEngineOfTheConfig(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        Workspace ws = Workspace.openOrCreate(other);
        java.nio.file.Files.writeString(other.resolve("e.csv"), "variant,m\ncontrol,1\ncontrol,2\nb,2\nb,3\n");
        java.nio.file.Files.writeString(ws.config(), "engine: spark\nstudies:\n  a:\n    method: ab\n    data: e.csv\n"
                + "    variant: variant\n    metric: m\n");
        try (CeterisServer s = CeterisServer.start(ws, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            URI run = URI.create("http://127.0.0.1:" + s.port() + "/api/studies/a/run");
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(run).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            problem(r, 422, "engine spark needs the ceteris-spark jar"); // this server's jar has no Spark
            HttpResponse<String> study = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/studies/a"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(0, ok(study, 200).get("runs").asInt(), "nothing stored");
        }
    }

    @Test
    void otherHostsNeedAToken() {
        CeterisException e = assertThrows(CeterisException.class,
                () -> ServerOptions.defaults("test").withAddress("0.0.0.0", 0, null));
        assertTrue(e.getMessage().contains("--token"));
        assertEquals("0.0.0.0", ServerOptions.defaults("test").withAddress("0.0.0.0", 0, "t").host());
        assertEquals("127.0.0.1", ServerOptions.defaults("test").host(), "loopback by default");
    }

    /** A GET sent byte for byte, so the client does not normalise the path. */
    static String rawGet(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
