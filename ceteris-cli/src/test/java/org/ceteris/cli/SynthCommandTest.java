package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris synth}: the JSON contract on Proposition 99, a seeded panel, heterogeneity and bad input. */
class SynthCommandTest {

    static final Path PROP99 = Path.of("../ceteris-core/src/test/resources/org/ceteris/synth/data/smoking_prop99.csv");

    @TempDir
    Path dir;

    static String[] prop99Args(String... extra) {
        List<String> a = new ArrayList<>(List.of("synth", "--data", PROP99.toString(), "--unit", "state", "--time", "year",
                "--outcome", "cigsale", "--treated", "California", "--treatment-time", "1989",
                "--predictor", "lnincome:1980-1988", "--predictor", "age15to24:1980-1988", "--predictor", "retprice:1980-1988",
                "--predictor", "beer:1984-1988", "--special", "cigsale@1988", "--special", "cigsale@1980", "--special", "cigsale@1975",
                "--fit-window", "1970-1988"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void prop99JsonContract() {
        Cli.Run run = Cli.run(prop99Args("--json")).ok();
        JsonNode j = Json.read(run.out());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("method", "treated", "treatment_time", "weights", "predictor_weights", "balance", "pre_rmspe", "post_rmspe",
                "att", "relative_att", "fit_loss", "predictor_loss", "v_search", "gaps", "placebos", "p_value", "intervals"), fields.subList(0, 17));
        // the loss V minimises over 1970–88, and what the search did (issue 22)
        assertEquals(3.0768, j.get("fit_loss").asDouble(), 1e-3);
        assertTrue(j.get("predictor_loss").asDouble() >= 0);
        assertTrue(j.get("v_search").get("starts").asInt() > 1);
        assertTrue(j.get("v_search").get("evaluations").asInt() > 100);
        assertTrue(j.get("v_search").get("starts_at_best").asInt() >= 1);
        assertTrue(j.get("v_search").has("converged"));
        assertTrue(fields.containsAll(List.of("diagnostics", "summary")));
        assertEquals("synthetic_control", j.get("method").asText());
        assertEquals("California", j.get("treated").asText());
        assertTrue(j.get("treatment_time").isIntegralNumber());
        assertEquals(1989, j.get("treatment_time").asInt());
        assertEquals(0.334, j.get("weights").get("Utah").asDouble(), 0.02);
        assertEquals(0.234, j.get("weights").get("Nevada").asDouble(), 0.02);
        assertEquals(0.199, j.get("weights").get("Montana").asDouble(), 0.02);
        assertEquals(0.164, j.get("weights").get("Colorado").asDouble(), 0.02);
        assertEquals(0.069, j.get("weights").get("Connecticut").asDouble(), 0.02);
        double sum = 0;
        for (Iterator<JsonNode> it = j.get("weights").elements(); it.hasNext();) {
            double w = it.next().asDouble();
            assertTrue(w >= 0 && (w == 0 || w >= 1e-6));
            sum += w;
        }
        assertEquals(1, sum, 1e-5);
        assertTrue(j.get("predictor_weights").has("lnincome:1980-1988"));
        assertTrue(j.get("predictor_weights").has("cigsale@1988"));
        JsonNode b = j.get("balance").get(4);
        assertEquals("cigsale@1988", b.get("predictor").asText());
        assertTrue(b.has("treated") && b.has("synthetic") && b.has("donor_mean"));
        JsonNode g = j.get("gaps").get(30);
        assertEquals(2000, g.get("time").asInt());
        assertTrue(g.get("time").isIntegralNumber());
        assertEquals(g.get("actual").asDouble() - g.get("synthetic").asDouble(), g.get("gap").asDouble(), 1e-9);
        assertEquals(-19.0, j.get("att").asDouble(), 0.6);
        assertTrue(j.get("placebos").isNull());
        assertTrue(j.get("p_value").isNull());
        assertTrue(j.get("intervals").isNull());
        assertTrue(j.get("summary").asText().contains("California"));
        // the effect in percent of the synthetic version after 1989: Σ gap / Σ synthetic, as the summary says it
        double gap = 0;
        double synthetic = 0;
        for (JsonNode year : j.get("gaps")) {
            if (year.get("time").asInt() >= 1989) {
                gap += year.get("gap").asDouble();
                synthetic += year.get("synthetic").asDouble();
            }
        }
        assertEquals(gap / synthetic, j.get("relative_att").asDouble(), 1e-12);
        assertTrue(j.get("relative_att").asDouble() < -0.2, "Prop 99 cut sales by about a quarter: " + j.get("relative_att"));
        String percent = String.format(Locale.ROOT, "(%.1f%%)", 100 * j.get("relative_att").asDouble());
        assertTrue(j.get("summary").asText().contains(percent), percent + " in " + j.get("summary").asText());
    }

    @Test
    void textReportAndDeterministicJson() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 12, false, false);
        String[] args = {"synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
            "--treated", "C01", "--treatment-time", "16", "--predictor", "income", "--special", "signups@10", "--placebos",
            "--conformal", "--json"};
        String first = Cli.run(args).ok().out();
        assertEquals(first, Cli.run(args).ok().out());
        JsonNode j = Json.read(first);
        assertEquals(11, j.get("placebos").size());
        JsonNode pl = j.get("placebos").get(0);
        assertTrue(pl.has("unit") && pl.has("pre_mspe") && pl.has("post_mspe") && pl.has("ratio"));
        assertEquals(1.0 / 12, j.get("p_value").asDouble(), 1e-12, first);
        assertEquals(5, j.get("intervals").size());
        JsonNode iv = j.get("intervals").get(0);
        assertEquals(16, iv.get("time").asInt());
        assertTrue(iv.get("low").asDouble() <= iv.get("high").asDouble());
        assertEquals(-8, j.get("att").asDouble(), 2.5);
        String text = Cli.run(java.util.Arrays.copyOf(args, args.length - 1)).ok().out();
        assertTrue(text.contains("Synthetic control for C01"), text);
    }

    @Test
    void augmentedMethod() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 12, false, false);
        JsonNode j = Json.read(Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", "C01", "--treatment-time", "16", "--method", "augmented", "--json").ok().out());
        double sum = 0;
        for (Iterator<JsonNode> it = j.get("weights").elements(); it.hasNext();) {
            sum += it.next().asDouble();
        }
        assertEquals(1, sum, 1e-9);
        assertEquals(-8, j.get("att").asDouble(), 2.5);
    }

    @Test
    void heterogeneityTable() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 14, false, false);
        JsonNode j = Json.read(Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", "C01,C02,C03", "--treatment-time", "16", "--traits", "region_size", "--json").ok().out());
        assertEquals("synthetic_control_heterogeneity", j.get("method").asText());
        assertEquals(3, j.get("effects").size());
        assertTrue(j.get("effects").get(0).get("traits").has("region_size"));
        assertEquals(3, j.get("fits").size());
        // the treated cities are not donors of each other
        assertTrue(!j.get("fits").get(0).get("weights").has("C02"));
        assertTrue(j.get("associations").has("region_size"));
        // each city's effect in percent is its own fit's, and the text table shows it
        for (JsonNode e : j.get("effects")) {
            JsonNode fit = null;
            for (JsonNode f : j.get("fits")) {
                fit = f.get("treated").equals(e.get("treated")) ? f : fit;
            }
            assertEquals(fit.get("relative_att").asDouble(), e.get("relative_att").asDouble(), 0, e.toString());
            assertEquals(e.get("att").asDouble() < 0, e.get("relative_att").asDouble() < 0, e.toString());
        }
        String text = Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", "C01,C02,C03", "--treatment-time", "16", "--traits", "region_size").ok().out();
        String c01 = org.ceteris.report.Wording.signedPercent(j.get("fits").get(0).get("relative_att").asDouble());
        assertTrue(text.contains("effect %") && text.contains(c01), c01 + " in\n" + text);
    }

    @Test
    void unbalancedPanel() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, true, false);
        assertOneLineError(run(csv, "C01", "16"), "unbalanced panel: unit 'C04' has no row for week 3, 4");
    }

    @Test
    void duplicateRows() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, true);
        assertOneLineError(run(csv, "C01", "16"), "duplicate rows for unit 'C02' at week 7");
    }

    @Test
    void treatedAbsent() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, false);
        assertOneLineError(run(csv, "Atlantis", "16"), "treated unit 'Atlantis' is not in column 'city'");
    }

    @Test
    void treatmentTimeOutsideData() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, false);
        assertOneLineError(run(csv, "C01", "40"), "treatment time 40 is outside the data (1 to 20)");
        assertOneLineError(run(csv, "C01", "1"), "outside the data");
    }

    @Test
    void tooFewPrePeriods() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, false);
        assertOneLineError(run(csv, "C01", "3"), "only 2 period(s) before treatment time 3");
    }

    @Test
    void constantPredictor() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, false);
        assertOneLineError(Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", "C01", "--treatment-time", "16", "--predictor", "region_size"), "predictor 'region_size' is the same");
    }

    @Test
    void unknownColumnAndBadWindow() throws Exception {
        Path csv = panel(dir.resolve("p.csv"), 6, false, false);
        assertOneLineError(Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "nope",
                "--treated", "C01", "--treatment-time", "16"), "column 'nope' not found");
        assertOneLineError(Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", "C01", "--treatment-time", "16", "--fit-window", "abc"), "--fit-window");
    }

    private static Cli.Run run(Path csv, String treated, String time) {
        return Cli.run("synth", "--data", csv.toString(), "--unit", "city", "--time", "week", "--outcome", "signups",
                "--treated", treated, "--treatment-time", time);
    }

    /**
     * Weekly sign-ups of n cities over weeks 1–20 from a two-factor model (seed 7); C01 is treated from
     * week 16 with an effect of −8. Optionally C04 lacks weeks 3–4, or C02 has week 7 twice.
     */
    static Path panel(Path file, int n, boolean gap, boolean duplicate) throws Exception {
        Random rng = new Random(7);
        double[][] load = new double[n][2];
        for (int c = 0; c < n; c++) {
            load[c][0] = 1 + rng.nextDouble();
            load[c][1] = rng.nextGaussian();
        }
        // make C01 a convex mix of two donors so a synthetic twin exists
        load[0][0] = 0.5 * (load[1][0] + load[2][0]);
        load[0][1] = 0.5 * (load[1][1] + load[2][1]);
        StringBuilder sb = new StringBuilder("city,week,signups,income,region_size\n");
        for (int c = 0; c < n; c++) {
            String city = String.format(Locale.ROOT, "C%02d", c + 1);
            for (int t = 1; t <= 20; t++) {
                if (gap && c == 3 && (t == 3 || t == 4)) {
                    continue;
                }
                double y = 100 * load[c][0] + 10 * load[c][1] * Math.sin(t / 3.0) + rng.nextGaussian() * 0.5
                        + (c == 0 && t >= 16 ? -8 : 0);
                String row = String.format(Locale.ROOT, "%s,%d,%.4f,%.3f,%d%n", city, t, y, 50 * load[c][0] + rng.nextGaussian(), 5);
                sb.append(row);
                if (duplicate && c == 1 && t == 7) {
                    sb.append(row);
                }
            }
        }
        Files.writeString(file, sb.toString());
        return file;
    }
}
