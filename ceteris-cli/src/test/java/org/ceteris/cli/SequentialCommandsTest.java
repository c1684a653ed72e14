package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON contracts of {@code ceteris sequential} and {@code simulate-sequential}, and their errors. */
class SequentialCommandsTest {

    @TempDir
    Path dir;

    /** Three arms over ten days; B is better, C worse. */
    Path experiment() throws IOException {
        StringBuilder sb = new StringBuilder("variant,day,minutes,pre\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        String[] arms = {"control", "B", "C"};
        double[] lift = {0, 0.6, -0.9};
        for (int day = 1; day <= 10; day++) {
            for (int i = 0; i < 300; i++) {
                int a = rnd.nextInt(3);
                double pre = 10 + 3 * rnd.nextGaussian();
                sb.append(arms[a]).append(String.format(Locale.ROOT, ",2026-03-%02d,%.4f,%.4f%n", day,
                        pre + lift[a] + 2 * rnd.nextGaussian(), pre));
            }
        }
        Path p = dir.resolve("exp.csv");
        Files.writeString(p, sb);
        return p;
    }

    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void sequentialJsonContract() throws IOException {
        Cli.Run run = Cli.run("sequential", "--data", experiment().toString(), "--variant", "variant", "--metric", "minutes",
                "--covariate", "pre", "--time", "day", "--demote", "--json").ok();
        assertEquals("", run.err(), "no progress bar or warnings on stderr");
        JsonNode j = Json.read(run.out());
        assertEquals(List.of("method", "test", "alpha", "looks", "decision", "diagnostics", "summary"), keys(j));
        assertEquals("sequential", j.get("method").asText());
        assertEquals("cs", j.get("test").asText());
        assertEquals(10, j.get("looks").size());
        JsonNode look = j.get("looks").get(0);
        assertEquals(List.of("look", "time", "arms"), keys(look));
        assertEquals("2026-03-01", look.get("time").asText());
        JsonNode control = look.get("arms").get(0);
        assertEquals(List.of("variant", "n", "mean", "estimate", "ci_low", "ci_high", "p_value", "status", "p_value_look", "ci_low_look",
                "ci_high_look"), keys(control));
        assertEquals("control", control.get("variant").asText());
        assertTrue(control.get("estimate").isNull() && control.get("p_value").isNull());
        JsonNode decision = j.get("decision");
        assertEquals(List.of("status", "winner", "look", "demoted", "recommendation", "reasons", "further_units", "further_days"),
                keys(decision));
        assertEquals("ship", decision.get("recommendation").asText(), decision.toString());
        assertTrue(decision.get("reasons").get(0).asText().startsWith("Variant B raised"), decision.toString());
        assertEquals("winner", decision.get("status").asText(), run.out());
        assertEquals("B", decision.get("winner").asText());
        JsonNode demoted = decision.get("demoted").get(0);
        assertEquals(List.of("variant", "look", "time", "reason"), keys(demoted));
        assertTrue(j.get("summary").asText().contains("Variant B is the winner"), j.get("summary").asText());
        String last = j.get("looks").get(9).get("arms").toString();
        assertTrue(last.contains("\"status\":\"winner\"") && last.contains("\"status\":\"demoted\""), last);
    }

    @Test
    void sequentialIsTheSameJsonTwice() throws IOException {
        String[] args = {"sequential", "--data", experiment().toString(), "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--looks", "4", "--cuts", "count", "--method", "msprt", "--json"};
        assertEquals(Cli.run(args).ok().out(), Cli.run(args).ok().out());
    }

    @Test
    void sequentialReadableReport() throws IOException {
        Cli.Run run = Cli.run("sequential", "--data", experiment().toString(), "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--every", "2").ok();
        assertTrue(run.out().contains("B − control (p)") && run.out().contains("Decision:"), run.out());
    }

    @Test
    void simulateJsonContract() {
        Cli.Run run = Cli.run("simulate-sequential", "--arms", "control:0,B:0.3,C:0", "--sd", "1", "--n-max", "3000",
                "--looks", "10", "--sims", "200", "--seed", "7", "--demote", "--json").ok();
        assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
        JsonNode j = Json.read(run.out());
        assertEquals(List.of("method", "sims", "seed", "designs", "diagnostics", "summary"), keys(j));
        assertEquals("simulate_sequential", j.get("method").asText());
        assertEquals(200, j.get("sims").asInt());
        assertEquals(7, j.get("seed").asLong());
        List<String> designs = new ArrayList<>();
        j.get("designs").forEach(d -> designs.add(d.get("design").asText()));
        assertEquals(List.of("sequential", "fixed", "fixed_peeking"), designs);
        JsonNode seq = j.get("designs").get(0);
        assertEquals(List.of("design", "false_positive_rate", "false_positive_mcse", "power", "expected_n", "demotion_rate"),
                keys(seq).subList(0, 6));
        assertTrue(keys(seq).contains("expected_n_mcse"), keys(seq).toString());
        assertEquals(List.of("B"), keys(seq.get("power")), "power for the arms with an effect");
        assertEquals(List.of("control", "B", "C"), keys(seq.get("demotion_rate")));
        assertTrue(j.get("designs").get(1).get("demotion_rate").isNull(), "the fixed design demotes nothing");
        assertTrue(seq.get("expected_n").asDouble() < 3000, "B wins early in most runs");
    }

    /** Experiment logs often carry a day index instead of a date: --time takes it as it takes dates. */
    @Test
    void aColumnOfDayNumbersIsATimeColumn() throws IOException {
        Path dates = experiment();
        Path days = dir.resolve("days.csv");
        Files.writeString(days, Files.readString(dates).replaceAll(",2026-03-(\\d\\d),", ",$1,").replaceAll(",0(\\d),", ",$1,"));
        String[] common = {"--variant", "variant", "--metric", "minutes", "--time", "day", "--demote", "--json"};
        Cli.Run byDay = Cli.run(concat(new String[] {"sequential", "--data", days.toString()}, common)).ok();
        Cli.Run byDate = Cli.run(concat(new String[] {"sequential", "--data", dates.toString()}, common)).ok();
        com.fasterxml.jackson.databind.JsonNode d = org.ceteris.json.Json.mapper().readTree(byDay.out());
        com.fasterxml.jackson.databind.JsonNode t = org.ceteris.json.Json.mapper().readTree(byDate.out());
        assertEquals(t.get("looks").size(), d.get("looks").size());
        assertEquals("1", d.get("looks").get(0).get("time").asText());
        assertEquals(t.get("looks").get(3).get("arms"), d.get("looks").get(3).get("arms"));
        assertEquals(t.get("decision").get("status"), d.get("decision").get("status"));
        assertEquals(t.get("decision").get("winner"), d.get("decision").get("winner"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputIsOneLine() throws IOException {
        String data = experiment().toString();
        CliErrorsTest.assertOneLineError(Cli.run("sequential", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--tuning", "0"), "--tuning must be a positive");
        CliErrorsTest.assertOneLineError(Cli.run("sequential", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--looks", "3", "--every", "2"), "either --looks or --every");
        CliErrorsTest.assertOneLineError(Cli.run("sequential", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--time", "variant"), "not a date or time");
        CliErrorsTest.assertOneLineError(Cli.run("sequential", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--control", "Z"), "control 'Z'");
        CliErrorsTest.assertOneLineError(Cli.run("sequential", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--time", "day", "--method", "bayes"), "--method");
        CliErrorsTest.assertOneLineError(Cli.run("simulate-sequential", "--arms", "control:0,B", "--n-max", "1000"), "NAME:EFFECT");
        CliErrorsTest.assertOneLineError(Cli.run("simulate-sequential", "--arms", "control:0,B:0.1", "--n-max", "10",
                "--looks", "5"), "--n-max 10 is too small");
        CliErrorsTest.assertOneLineError(Cli.run("simulate-sequential", "--arms", "control:0,B:0.1", "--n-max", "1000",
                "--tuning", "-1"), "--tuning");
    }
}
