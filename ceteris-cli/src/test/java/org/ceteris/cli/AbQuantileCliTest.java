package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.experiment.Effect;
import org.ceteris.experiment.quantile.QuantileStatistic;
import org.ceteris.experiment.quantile.QuantileTest;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/** {@code ceteris ab --quantile}: the engine's quantiles equal the in-memory order statistics, per row and per unit. */
class AbQuantileCliTest {


    static Map<String, double[]> values(String file, String column, boolean perUnit) throws IOException {
        List<String> lines = Files.readAllLines(AbJsonContractTest.DATA.resolve(file));
        List<String> header = List.of(lines.get(0).split(","));
        int c = header.indexOf(column);
        Map<String, Map<String, Double>> byVariant = new LinkedHashMap<>();
        int row = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] r = line.split(",", -1);
            String key = perUnit ? r[0] : String.valueOf(row++);
            byVariant.computeIfAbsent(r[1], x -> new LinkedHashMap<>()).merge(key, Double.parseDouble(r[c]), Double::sum);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byVariant.forEach((v, m) -> out.put(v, m.values().stream().mapToDouble(d -> d).toArray()));
        return out;
    }

    void check(String file, boolean perUnit) throws IOException {
        String[] args = perUnit
                ? new String[] {"ab", "--data", AbJsonContractTest.DATA.resolve(file).toString(), "--variant", "variant",
                        "--unit", "unit", "--quantile", "y:0.9", "--quantile", "y:0.5", "--json"}
                : new String[] {"ab", "--data", AbJsonContractTest.DATA.resolve(file).toString(), "--variant", "variant",
                        "--quantile", "y:0.9", "--quantile", "y:0.5", "--json"};
        JsonNode j = Json.read(Cli.run(args).ok().out());
        Map<String, double[]> data = values(file, "y", perUnit);
        for (JsonNode m : j.get("metrics")) {
            double q = m.get("quantile").asDouble();
            assertEquals("quantile", m.get("kind").asText());
            assertEquals(q == 0.9 ? "y_p90" : "y_p50", m.get("metric").asText());
            JsonNode cmp = m.at("/comparisons/0");
            QuantileStatistic t = QuantileTest.fromValues(data.get(cmp.get("variant").asText()), q);
            QuantileStatistic c = QuantileTest.fromValues(data.get(cmp.get("control").asText()), q);
            Effect e = QuantileTest.effect(t, c);
            assertEquals(e.estimate(), cmp.get("estimate").asDouble(), 1e-9 * Math.abs(c.estimate()), m.toString());
            assertEquals(e.se(), cmp.get("se").asDouble(), 1e-9 * Math.abs(c.estimate()), m.toString());
            assertEquals(e.relative(), cmp.get("relative").asDouble(), 1e-9);
        }
    }

    @Test
    void engineQuantilesEqualTheInMemoryOrderStatistics() throws IOException {
        check("ab_stable.csv", false);
        check("ab_events.csv", true);
    }

    @Test
    void aQuantileLevelOutsideZeroOneIsOneLine() {
        String data = AbJsonContractTest.DATA.resolve("ab_stable.csv").toString();
        for (String q : List.of("y:1.5", "y:0", "y:1", "y:-0.2")) {
            assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--quantile", q), "strictly between 0 and 1");
        }
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--quantile", "y"), "is not METRIC:Q");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--quantile", "y:high"), "strictly between 0 and 1");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--quantile", "nope:0.5"), "nope");
        assertTrue(Cli.run("ab", "--data", data, "--variant", "variant", "--quantile", "y:0.5", "--guardrail", "y_p50:-5%").exitCode() == 0);
    }
}
