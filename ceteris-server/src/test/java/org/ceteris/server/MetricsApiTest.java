package org.ceteris.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.json.Json;
import org.ceteris.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies over raw logs through the HTTP API: a run returns the scorecard with the metric fields, a
 * filter that is not valid SQL is a 422 problem naming the metric, a malformed metric in ceteris.yaml
 * a 422 naming the line; nothing is stored by a failed run. The logs are ceteris-engine's metric fixtures.
 */
class MetricsApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Workspace workspace(String from, String to) throws Exception {
        Path fixtures = Path.of("../ceteris-engine/src/test/resources/metrics");
        for (String f : new String[] {"exposures.csv", "activity.csv", "plays.csv"}) {
            Files.copy(fixtures.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("ceteris.yaml"), Files.readString(fixtures.resolve("ceteris.yaml")).replace(from, to));
        return Workspace.open(dir);
    }

    private static HttpResponse<String> post(CeterisServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(CeterisServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runReturnsTheScorecardWithMetricFields() throws Exception {
        try (CeterisServer s = CeterisServer.start(workspace("", ""), ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            HttpResponse<String> r = post(s, "/api/studies/home_row_sliced/run");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("watch minutes, B vs control", Json.read(r.body()).get("headline").get("label").asText());
            JsonNode study = Json.read(get(s, "/api/studies/home_row_sliced").body());
            JsonNode result = study.findValue("heterogeneity") == null ? null : study.findParent("heterogeneity");
            assertEquals(6, result.get("heterogeneity").size(), study::toString);
            assertEquals(97, result.get("metrics").get(0).get("incomplete_units").asLong());
        }
    }

    @Test
    void anInvalidFilterIsA422ProblemAndNothingIsStored() throws Exception {
        try (CeterisServer s = CeterisServer.start(workspace("{source: plays, unit: member_id, time: ts, aggregate: exists, window: 0d-1d}",
                "{source: plays, unit: member_id, time: ts, aggregate: exists, window: 0d-1d, filter: \"ts >\"}"),
                ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            ApiTest.problem(post(s, "/api/studies/home_row_sliced/run"), 422, "metric 'played': filter \"ts >\" is not valid SQL");
            assertEquals(0, Json.read(get(s, "/api/studies/home_row_sliced").body()).get("runs").asInt(), "nothing stored");
        }
    }

    @Test
    void aMalformedMetricIsA422NamingTheLine() throws Exception {
        try (CeterisServer s = CeterisServer.start(workspace("cap: p99}", "cap: p120}"),
                ServerOptions.defaults("test").withAddress("127.0.0.1", 0, null))) {
            ApiTest.problem(get(s, "/api/studies/home_row"), 422, "line 15: metric 'capped_minutes': cap 'p120'");
        }
    }
}
