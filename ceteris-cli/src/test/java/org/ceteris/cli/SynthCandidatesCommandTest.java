package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ceteris synth --predict-candidates}: the JSON contract of the trait model and the ranked
 * candidates on a panel whose effect grows with a trait, {@code --candidates}, the placebos it runs by
 * itself, and bad input (one line, exit 2).
 */
class SynthCandidatesCommandTest {

    static final List<String> TREATED = List.of("T1", "T2", "T3", "T4", "T5", "T6");

    @TempDir
    static Path dir;

    static Path csv;

    @BeforeAll
    static void panel() throws Exception {
        csv = write(dir.resolve("cities.csv"));
    }

    static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("synth", "--data", csv.toString(), "--unit", "city", "--time", "week",
                "--outcome", "signups", "--treatment-time", "21"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    static final String ALL_TREATED = String.join(",", TREATED);

    @Test
    void traitModelAndRankedCandidates() {
        String json = Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates", "--json")).ok().out();
        JsonNode j = Json.read(json);
        JsonNode m = j.get("trait_model");
        List<String> fields = new ArrayList<>();
        m.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("traits", "fitted", "level", "effect_variances", "tau2", "tau2_prediction", "df", "coefficients",
                "candidates", "sentence"), fields);
        assertTrue(m.get("fitted").asBoolean(), m.toString());
        assertEquals(0.9, m.get("level").asDouble(), 1e-12);
        assertEquals(TREATED.size() - 1 - 1, m.get("df").asInt(), "treated cities − traits − 1");
        for (String t : TREATED) {
            assertTrue(m.get("effect_variances").get(t).asDouble() > 0, t + " has a placebo-based variance: " + m.get("effect_variances"));
        }
        assertTrue(m.get("tau2").asDouble() >= 0 && m.get("tau2_prediction").asDouble() >= m.get("tau2").asDouble(), m.toString());
        JsonNode slope = m.get("coefficients").get(1);
        assertEquals("intercept", m.get("coefficients").get(0).get("term").asText());
        assertEquals("density", slope.get("term").asText());
        for (JsonNode c : m.get("coefficients")) {
            assertTrue(c.get("low").asDouble() <= c.get("estimate").asDouble() && c.get("estimate").asDouble() <= c.get("high").asDouble(), c.toString());
            assertTrue(c.get("se").asDouble() > 0 && c.get("p_value").asDouble() > 0 && c.get("p_value").asDouble() <= 1, c.toString());
        }
        // the effect is 2 + 3 × density in the data: the slope's interval holds 3 and excludes 0
        assertTrue(slope.get("low").asDouble() > 0 && slope.get("low").asDouble() <= 3 && 3 <= slope.get("high").asDouble(), slope.toString());
        JsonNode candidates = m.get("candidates");
        assertEquals(DONORS, candidates.size(), "every untreated city is ranked");
        double previous = Double.POSITIVE_INFINITY;
        double previousDensity = Double.POSITIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode c = candidates.get(i);
            assertEquals(i + 1, c.get("rank").asInt());
            assertTrue(c.get("unit").asText().startsWith("D"), "only untreated cities: " + c);
            double p = c.get("predicted").asDouble();
            assertTrue(p <= previous && c.get("low").asDouble() < p && p < c.get("high").asDouble(), c.toString());
            // one trait with a positive slope: the ranking is the order of density
            double density = c.get("traits").get("density").asDouble();
            assertTrue(density <= previousDensity, c.toString());
            previous = p;
            previousDensity = density;
        }
        assertTrue(j.get("summary").asText().endsWith(m.get("sentence").asText()), j.get("summary").asText());
        assertTrue(m.get("sentence").asText().contains("Cities with more density gained more"), m.get("sentence").asText());
        // the placebos come with --predict-candidates: asking for them too changes nothing
        assertEquals(json, Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates", "--placebos", "--json")).ok().out());
        for (JsonNode f : j.get("fits")) {
            assertEquals(DONORS, f.get("placebos").size(), "a placebo per donor");
        }
        String text = Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates")).ok().out();
        assertTrue(text.contains("Candidate units by predicted effect") && text.contains(candidates.get(0).get("unit").asText()), text);
    }

    @Test
    void candidatesRestrictTheRankingWhateverTheirOrder() {
        String json = Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates",
                "--candidates", "D07,D02,D11", "--json")).ok().out();
        JsonNode candidates = Json.read(json).get("trait_model").get("candidates");
        List<String> units = new ArrayList<>();
        candidates.forEach(c -> units.add(c.get("unit").asText()));
        assertEquals(3, units.size(), units.toString());
        assertTrue(units.containsAll(List.of("D02", "D07", "D11")), units.toString());
        for (int i = 1; i < candidates.size(); i++) {
            assertTrue(candidates.get(i).get("predicted").asDouble() <= candidates.get(i - 1).get("predicted").asDouble());
        }
        assertEquals(json, Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates",
                "--candidates", "D11,D07,D02", "--json")).ok().out(), "the order of --candidates does not matter");
    }

    @Test
    void fewerTreatedCitiesThanTraitsPlusTwoFitNothingAndSaySo() {
        JsonNode m = Json.read(Cli.run(args("--treated", "T1,T2", "--traits", "density", "--predict-candidates", "--json")).ok().out())
                .get("trait_model");
        assertTrue(!m.get("fitted").asBoolean() && m.get("candidates").isEmpty() && m.get("coefficients").isEmpty(), m.toString());
        assertTrue(m.get("sentence").asText().contains("at least 3 treated cities"), m.get("sentence").asText());
    }

    @Test
    void badInputIsOneLine() {
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--candidates", "D01")),
                "--candidates lists the cities to rank: add --predict-candidates");
        assertOneLineError(Cli.run(args("--treated", "T1", "--traits", "density", "--predict-candidates")),
                "--predict-candidates learns from several treated cities");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--predict-candidates")), "name them with --traits");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates", "--candidates", "Atlantis")),
                "candidate 'Atlantis' in --candidates is not a unit of column 'city'");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "density", "--predict-candidates", "--candidates", "T2")),
                "candidate 'T2' in --candidates is already treated");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "income", "--predict-candidates")),
                "trait 'income' varies within unit");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "region", "--predict-candidates")), "not numeric");
        assertOneLineError(Cli.run(args("--treated", ALL_TREATED, "--traits", "nope", "--predict-candidates")), "column 'nope' not found");
    }

    static final int DONORS = 14;

    /**
     * Weekly sign-ups of 6 treated cities (T1…T6, treated from week 21) and 14 donors (D01…D14) over
     * weeks 1–26 (seed 11): a two-factor model plus N(0, 0.5) noise; each treated city is a convex mix of
     * donors in its factor part. Columns: density (one value per city, U(0, 4)), income (varies week to
     * week), region (text). A treated city's effect is 2 + 3 × density.
     */
    static Path write(Path file) throws Exception {
        Random rng = new Random(11);
        int weeks = 26;
        double[] f1 = new double[weeks];
        double[] f2 = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            f1[t] = 0.3 * t + rng.nextGaussian();
            f2[t] = rng.nextGaussian();
        }
        int n = TREATED.size() + DONORS;
        double[][] load = new double[n][3];
        List<String> names = new ArrayList<>(TREATED);
        for (int d = 0; d < DONORS; d++) {
            load[TREATED.size() + d] = new double[] {20 + 10 * rng.nextDouble(), 1 + rng.nextDouble(), rng.nextGaussian()};
            names.add(String.format(Locale.ROOT, "D%02d", d + 1));
        }
        for (int i = 0; i < TREATED.size(); i++) {
            double[] w = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            double s = w[0] + w[1] + w[2];
            for (int k = 0; k < 3; k++) {
                double[] donor = load[TREATED.size() + rng.nextInt(DONORS)];
                for (int c = 0; c < 3; c++) {
                    load[i][c] += w[k] / s * donor[c];
                }
            }
        }
        StringBuilder sb = new StringBuilder("city,week,signups,density,income,region\n");
        for (int c = 0; c < n; c++) {
            double density = 4 * rng.nextDouble();
            String region = c % 2 == 0 ? "north" : "south";
            for (int t = 1; t <= weeks; t++) {
                double y = load[c][0] + load[c][1] * f1[t - 1] + load[c][2] * f2[t - 1] + 0.5 * rng.nextGaussian()
                        + (c < TREATED.size() && t >= 21 ? 2 + 3 * density : 0);
                sb.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.3f,%.2f,%s%n", names.get(c), t, y, density,
                        50 + rng.nextGaussian(), region));
            }
        }
        Files.writeString(file, sb.toString());
        return file;
    }
}
