package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ceteris metrics list|sql|compute} and {@code ceteris run} on a workspace whose studies read raw
 * logs (the fixtures of ceteris-engine's MetricTableTest, copied), and every bad input of issue 19:
 * one line, exit 2, nothing written.
 */
class MetricsCommandTest {

    static final Path FIXTURES = Path.of("../ceteris-engine/src/test/resources/metrics");

    @TempDir
    Path ws;

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String f : new String[] {"exposures.csv", "activity.csv", "plays.csv", "ceteris.yaml"}) {
            Files.copy(FIXTURES.resolve(f), ws.resolve(f));
        }
    }

    @Test
    void listShowsEveryMetricWithItsSourceAndWindow() {
        Cli.Run r = Cli.run("metrics", "list", "--workspace", ws.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("watch_minutes") && l.contains("activity") && l.contains("0d-7d")), r.out());
        assertTrue(r.out().contains("ratio watch_minutes / sessions"), r.out());
        JsonNode json = Json.read(Cli.run("metrics", "list", "--workspace", ws.toString(), "--json").out());
        assertEquals(15, json.size());
        assertEquals("lower", json.get(5).get("better").asText());
        assertTrue(r.out().contains("p90 of sum(minutes)"), "a quantile of per-unit values: " + r.out());
        assertTrue(r.out().contains("p50 of minutes per event"), "a quantile of events: " + r.out());
    }

    @Test
    void sqlIsOneStatementPerSource() {
        Cli.Run r = Cli.run("metrics", "sql", "--workspace", ws.toString(), "--study", "home_row");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("-- source ")).count(), r.out());
        assertTrue(r.out().contains("CREATE TEMPORARY TABLE ceteris_m_units AS"), r.out());
        assertTrue(r.out().contains("INTERVAL 7 DAY"), r.out());
        assertTrue(r.out().contains("quantile_cont"), r.out());
    }

    @Test
    void computeWritesOneRowPerUnitAndRunStoresTheScorecard() throws IOException {
        Path out = ws.resolve("units.csv");
        Cli.Run r = Cli.run("metrics", "compute", "--workspace", ws.toString(), "--study", "home_row", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(404, Files.readAllLines(out).size(), "header and 403 units");
        assertTrue(Files.readAllLines(out).get(0).startsWith("member_id,variant,first_exposure,watch_minutes,watch_minutes_cuped"));
        Cli.Run run = Cli.run("run", "--workspace", ws.toString(), "--study", "home_row_sliced", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = Json.read(run.out()).get(0).get("result");
        assertEquals("ab", result.get("method").asText());
        assertEquals(97, result.get("metrics").get(0).get("incomplete_units").asLong());
        assertEquals(5, result.get("slices").size());
        assertEquals(6, result.get("heterogeneity").size());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown source", "watch_minutes:     {source: activity,", "watch_minutes:     {source: nope,", "unknown source 'nope'"),
                Arguments.of("unknown column", "value: minutes, aggregate: sum, window: 0d-7d}", "value: minutez, aggregate: sum, window: 0d-7d}", "column 'minutez' not found"),
                Arguments.of("unknown metric", "metrics: [watch_minutes, played, minutes_per_session]", "metrics: [watch_minutes, nope]", "unknown metric 'nope'"),
                Arguments.of("ratio of unknown", "{ratio: [watch_minutes, sessions]}", "{ratio: [watch_minutes, nope]}", "ratio names unknown metric 'nope'"),
                Arguments.of("ratio of ratio", "  minutes_per_session: {ratio: [watch_minutes, sessions]}",
                        "  minutes_per_session: {ratio: [watch_minutes, sessions]}\n  r2: {ratio: [minutes_per_session, sessions]}", "itself a ratio"),
                Arguments.of("cycle", "  minutes_per_session: {ratio: [watch_minutes, sessions]}",
                        "  minutes_per_session: {ratio: [r2, sessions]}\n  r2: {ratio: [minutes_per_session, sessions]}", "cycle"),
                Arguments.of("window backwards", "window: 0d-7d}\n  sessions", "window: 7d-0d}\n  sessions", "window '7d-0d' ends before it starts"),
                Arguments.of("window units", "window: 0d-7d}\n  sessions", "window: 7x-9d}\n  sessions", "malformed window '7x-9d'"),
                Arguments.of("cap p120", "cap: p99}", "cap: p120}", "cap 'p120'"),
                Arguments.of("filter not SQL", "filter: \"device = 'tv'\"", "filter: \"device = 'tv' AND\"", "metric 'tv_minutes': filter"),
                Arguments.of("exposure columns", "variant: variant, time: ts,", "variant: arm, time: ts,", "column 'arm' not found"),
                Arguments.of("timestamps not times", "  plays:     {data: plays.csv}", "  plays:     {data: bad_times.csv}", "not a date or time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoNothingWritten(String name, String from, String to, String fragment) throws Exception {
        Files.writeString(ws.resolve("bad_times.csv"), "member_id,ts\nm0001,2026-03-02 10:00:00\nm0002,yesterday\n");
        String yaml = Files.readString(ws.resolve("ceteris.yaml"));
        assertTrue(yaml.contains(from), "the fixture has " + from);
        assertEquals(0, Cli.run("run", "--workspace", ws.toString(), "--study", "home_row_sliced").exitCode(), "a first, good run");
        Files.writeString(ws.resolve("ceteris.yaml"), yaml.replace(from, to));
        Map<String, String> before = hashes(ws);
        Path out = ws.resolve("out.parquet");
        for (String[] args : new String[][] {
                {"run", "--workspace", ws.toString(), "--study", "home_row"},
                {"metrics", "compute", "--workspace", ws.toString(), "--study", "home_row", "--out", out.toString()},
                {"metrics", "sql", "--workspace", ws.toString(), "--study", "home_row"}}) {
            Cli.Run r = Cli.run(args);
            String err = r.err().strip();
            assertEquals(2, r.exitCode(), () -> args[0] + ": " + err + r.out());
            assertFalse(err.contains("\n") || err.contains("Exception"), err);
            assertTrue(err.startsWith("error: ") && err.contains(fragment), () -> "expected '" + fragment + "' in " + err);
            assertTrue(r.out().isEmpty(), r.out());
            assertEquals(before, hashes(ws), "nothing written");
        }
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
