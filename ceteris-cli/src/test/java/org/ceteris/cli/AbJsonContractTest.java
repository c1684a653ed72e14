package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/** {@code ceteris ab --json}: the field names, exactly one document, and byte-identical output for the same input. */
class AbJsonContractTest {

    static final Path DATA = Path.of("..", "ceteris-core", "src", "test", "resources", "org", "ceteris", "experiment");

    static String[] args(String file, String... extra) {
        List<String> a = new ArrayList<>(List.of("ab", "--data", DATA.resolve(file).toString(), "--variant", "variant",
                "--metric", "y", "--covariate", "y=x", "--metric", "conv", "--ratio", "num_den=num/den", "--json"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void sameInputGivesByteIdenticalJson() {
        String first = Cli.run(args("ab_heavy.csv")).ok().out();
        String second = Cli.run(args("ab_heavy.csv")).ok().out();
        assertEquals(first, second);
        String units = Cli.run(args("ab_events.csv", "--unit", "unit")).ok().out();
        assertEquals(units, Cli.run(args("ab_events.csv", "--unit", "unit")).ok().out());
    }

    @Test
    void fieldNamesFollowTheContract() {
        Cli.Run run = Cli.run(args("ab_heavy.csv", "--correction", "bh", "--split", "control=0.51,B=0.33,C=0.16")).ok();
        JsonNode j = Json.read(run.out());
        assertEquals(List.of("method", "alpha", "correction", "srm", "metrics", "diagnostics", "summary", "decision"), names(j));
        assertEquals(List.of("recommendation", "variant", "reasons", "further_units", "further_days"), names(j.get("decision")));
        assertEquals("ab", j.get("method").asText());
        assertEquals("bh", j.get("correction").asText());
        assertEquals(List.of("observed", "expected_share", "chi2", "p_value", "mismatch"), names(j.get("srm")));
        assertEquals(List.of("B", "C", "control"), names(j.at("/srm/observed")));
        assertEquals(0.51, j.at("/srm/expected_share/control").asDouble(), 1e-15);
        JsonNode y = j.at("/metrics/0");
        assertEquals(List.of("metric", "kind", "covariate", "variance_reduction", "better", "variants", "comparisons"), names(y));
        assertEquals("higher", y.get("better").asText());
        assertEquals("x", y.get("covariate").asText());
        assertEquals(List.of("variant", "n", "mean", "sd"), names(y.at("/variants/0")));
        assertEquals(List.of("variant", "control", "estimate", "se", "ci_low", "ci_high", "df", "p_value", "p_adjusted",
                "relative", "relative_ci_low", "relative_ci_high"), names(y.at("/comparisons/0")).subList(0, 12));
        assertTrue(y.at("/comparisons/0/df").isNull(), "CUPED: normal inference");
        JsonNode conv = j.at("/metrics/1");
        assertTrue(conv.get("covariate").isNull());
        assertTrue(conv.get("variance_reduction").isNull());
        assertTrue(conv.at("/comparisons/0/df").isNumber(), "Welch df for a plain mean");
        assertEquals("ratio", j.at("/metrics/2/kind").asText());
        assertTrue(j.at("/metrics/2/comparisons/0/df").isNull());
        assertEquals(List.of("code", "severity", "message"), names(j.at("/diagnostics/0")));
        assertFalse(j.get("summary").asText().isBlank());
        assertTrue(run.err().isEmpty());
        assertEquals(run.out().strip(), Json.write(j).strip(), "exactly one JSON document on stdout");
    }

    @Test
    void noCorrectionLeavesPValuesAlone() {
        JsonNode j = Json.read(Cli.run(args("ab_heavy.csv", "--correction", "none")).ok().out());
        for (JsonNode m : j.get("metrics")) {
            for (JsonNode c : m.get("comparisons")) {
                assertEquals(c.get("p_value").asDouble(), c.get("p_adjusted").asDouble());
            }
        }
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
