package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.scenarios.HomeRowScenario;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API half of the bad-input corpus ({@code src/test/resources/badinput/api_cases.tsv}, written by
 * {@code make_api_cases.py}): each request must get the stated status, never a 500; every 4xx is an
 * RFC 9457 problem document whose one-line detail contains the fragment; and a rejected request leaves
 * every file of the workspace byte-identical. The workspace's ceteris.yaml holds studies with bad
 * parameters (missing columns, alpha 2, injected table names, cyclic DAGs) so runs fail for real.
 */
class ApiBadInputTest {

    static final String YAML = """
            version: 1
            studies:
              ok_study: {method: ab, table: home_row, variant: variant, metric: sessions}
              bad_metric: {method: ab, table: home_row, variant: variant, metric: nope}
              bad_alpha: {method: ab, table: home_row, variant: variant, metric: sessions, alpha: 2}
              missing_table: {method: ab, table: nope, variant: variant, metric: sessions}
              bad_sql: {method: ab, sql: "SELEC * FROM home_row", variant: variant, metric: sessions}
              drop_sql: {method: ab, sql: "DROP TABLE home_row", variant: variant, metric: sessions}
              string_metric: {method: ab, table: home_row, variant: variant, metric: variant}
              bad_ratio: {method: ab, table: home_row, variant: variant, ratio: "r=sessions"}
              bad_correction: {method: ab, table: home_row, variant: variant, metric: sessions, correction: bogus}
              empty_sql: {method: ab, sql: "SELECT * FROM home_row WHERE false", variant: variant, metric: sessions}
              cyclic_dag: {method: dag_adjust, dag: "dag { A -> B ; B -> A }", exposure: A, outcome: B}
              did_bad: {method: did, table: home_row, unit: variant, time: sessions, outcome: sessions, treated: returned, post: variant}
              guardrail_nope: {method: ab, table: home_row, variant: variant, metric: sessions, guardrail: {nope: {margin: -1%}}}
              guardrail_sign: {method: ab, table: home_row, variant: variant, metric: sessions, guardrail: {sessions: {margin: 1%}}}
              prior_sd_zero: {method: ab, table: home_row, variant: variant, metric: sessions, inference: bayesian, prior_sd: 0}
              quantile_bad: {method: ab, table: home_row, variant: variant, quantile: "sessions:1.5"}
            """;

    @TempDir
    static Path dir;
    static Workspace workspace;
    static CeterisServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        workspace = Workspace.openOrCreate(dir.resolve("ws"));
        try (DuckDbEngine engine = workspace.engine(false)) {
            new HomeRowScenario(2_000).generate(engine, 7);
        }
        Files.writeString(workspace.config(), YAML);
        server = CeterisServer.start(workspace, ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cases() throws Exception {
        Path manifest = Path.of(ApiBadInputTest.class.getResource("/badinput/api_cases.tsv").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(Arguments.of(f[0], f[1], f[2], f[3].equals("-") ? null : f[3], Integer.parseInt(f[4]), f[5]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void request(String id, String method, String path, String body, int status, String fragment) throws Exception {
        Map<String, String> before = hashes(workspace.dir());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(500, r.statusCode(), r::body);
        assertEquals(status, r.statusCode(), r::body);
        if (status >= 400) {
            assertEquals(before, hashes(workspace.dir()), "a rejected request changed the workspace");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(Problem.CONTENT_TYPE), r.headers().toString());
            JsonNode p = Json.read(r.body());
            assertEquals(status, p.get("status").asInt(), r::body);
            String detail = p.get("detail").asText();
            assertFalse(detail.contains("\n"), "one line: " + detail);
            assertFalse(detail.contains("Exception") || detail.contains("\tat "), "exception in: " + detail);
            assertTrue(detail.toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT)),
                    () -> "expected '" + fragment + "' in: " + detail);
        }
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
