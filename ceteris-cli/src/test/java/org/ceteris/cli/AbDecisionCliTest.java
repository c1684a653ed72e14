package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.json.Json;
import org.ceteris.stats.Distributions;
import org.junit.jupiter.api.Test;

/** {@code ceteris ab} with the decision flags: Bayesian inference, directions, guardrails, the decision block. */
class AbDecisionCliTest {

    static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("ab", "--data", AbJsonContractTest.DATA.resolve("ab_stable.csv").toString(),
                "--variant", "variant", "--metric", "y", "--covariate", "y=x", "--metric", "conv", "--ratio", "num_den=num/den", "--json"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void bayesianAddsPosteriorsWhoseChanceAndRiskAgree() {
        JsonNode j = Json.read(Cli.run(args("--inference", "bayesian")).ok().out());
        assertEquals("bayesian", j.get("inference").asText());
        for (JsonNode m : j.get("metrics")) {
            JsonNode b = m.at("/bayesian/0");
            assertEquals(List.of("variant", "control", "scale", "posterior_mean", "posterior_sd", "ci_low", "ci_high",
                    "chance_to_win", "risk_variant", "risk_control", "problem"), AbJsonContractTest.names(b));
            double mean = b.get("posterior_mean").asDouble();
            double sd = b.get("posterior_sd").asDouble();
            assertEquals(Distributions.normalCdf(mean / sd), b.get("chance_to_win").asDouble(), 1e-12);
            assertEquals(mean, b.get("risk_control").asDouble() - b.get("risk_variant").asDouble(), 1e-12);
        }
        assertTrue(j.get("summary").asText().contains("chance of being better"));
        JsonNode lower = Json.read(Cli.run(args("--inference", "bayesian", "--better", "y=lower")).ok().out());
        assertEquals(1.0, j.at("/metrics/0/bayesian/0/chance_to_win").asDouble()
                + lower.at("/metrics/0/bayesian/0/chance_to_win").asDouble(), 1e-12);
        assertEquals("lower", lower.at("/metrics/0/better").asText());
    }

    @Test
    void aProperPriorShrinksTheEffect() {
        JsonNode flat = Json.read(Cli.run(args("--inference", "bayesian")).ok().out());
        JsonNode tight = Json.read(Cli.run(args("--inference", "bayesian", "--prior-sd", "0.001")).ok().out());
        assertTrue(Math.abs(tight.at("/metrics/0/bayesian/0/posterior_mean").asDouble())
                < Math.abs(flat.at("/metrics/0/bayesian/0/posterior_mean").asDouble()));
    }

    @Test
    void guardrailsAndDirectionsReachTheResultAndTheDecision() {
        Cli.Run run = Cli.run(args("--better", "conv=lower", "--guardrail", "num_den:-50%", "--target-mde", "1%",
                "--days-running", "7")).ok();
        JsonNode j = Json.read(run.out());
        assertEquals("lower", j.at("/metrics/1/better").asText());
        assertEquals("higher", j.at("/metrics/0/better").asText());
        JsonNode g = j.at("/metrics/2/guardrail");
        assertEquals(-0.5, g.get("margin").asDouble());
        assertEquals("ok", g.get("status").asText());
        assertTrue(j.at("/metrics/0/guardrail").isMissingNode());
        JsonNode d = j.get("decision");
        assertTrue(List.of("ship", "do_not_ship", "keep_running", "inconclusive").contains(d.get("recommendation").asText()));
        String reasons = d.get("reasons").toString();
        assertTrue(reasons.contains("Guardrail num den is safe"), reasons);
        assertTrue(reasons.contains("traffic split"), reasons);
    }

    @Test
    void theOrderOfDecisionFlagsDoesNotMatter() {
        String a = Cli.run(args("--guardrail", "conv:-20%", "--guardrail", "num_den:-10%", "--better", "y=lower")).ok().out();
        String b = Cli.run(args("--better", "y=lower", "--guardrail", "num_den:-10%", "--guardrail", "conv:-20%")).ok().out();
        assertEquals(a, b);
    }

    @Test
    void theTextReportShowsTheDecision() {
        List<String> a = new ArrayList<>(List.of(args("--inference", "bayesian", "--guardrail", "conv:-20%")));
        a.remove("--json");
        String out = Cli.run(a.toArray(String[]::new)).ok().out();
        assertTrue(out.contains("Decision: "), out);
        assertTrue(out.contains("chance to win"), out);
        assertTrue(out.contains("guardrail (margin -20.0%)") || out.contains("guardrail (margin -20%)"), out);
    }

    @Test
    void badDecisionInputIsOneLine() {
        assertOneLineError(Cli.run(args("--guardrail", "nope:-1%")), "--guardrail names 'nope', which is not a metric of this study");
        assertOneLineError(Cli.run(args("--guardrail", "conv:1%")), "guardrail margin for conv is 1%, but higher is better");
        assertOneLineError(Cli.run(args("--better", "conv=lower", "--guardrail", "conv:-1%")), "give a positive margin");
        assertOneLineError(Cli.run(args("--guardrail", "conv")), "is not METRIC:MARGIN");
        assertOneLineError(Cli.run(args("--guardrail", "conv:lots")), "is not a number or a percentage");
        assertOneLineError(Cli.run(args("--better", "conv=up")), "use higher or lower");
        assertOneLineError(Cli.run(args("--better", "nope=lower")), "--better names 'nope'");
        assertOneLineError(Cli.run(args("--inference", "bayesian", "--prior-sd", "0")), "--prior-sd must be a positive number");
        assertOneLineError(Cli.run(args("--inference", "bayesian", "--prior-sd", "-1")), "--prior-sd must be a positive number");
        assertOneLineError(Cli.run(args("--prior-sd", "0.1")), "only with --inference bayesian");
        assertOneLineError(Cli.run(args("--inference", "magic")), "use frequentist or bayesian");
        assertOneLineError(Cli.run(args("--target-mde", "-2%")), "--target-mde must be a positive");
        assertFalse(Cli.run(args("--guardrail", "conv:-1%")).out().isBlank());
    }
}
