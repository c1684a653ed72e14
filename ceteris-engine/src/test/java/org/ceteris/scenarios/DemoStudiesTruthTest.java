package org.ceteris.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;
import org.ceteris.metrics.MetricStudies;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.WorkspaceConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's study of every scenario recovers the scenario's known truth, for a few seeds: the
 * interval covers the true effect, or for the sequential test the right arms are demoted and the
 * right winner chosen, or for the DAG the true adjustment set is among the minimal sets.
 */
class DemoStudiesTruthTest {

    static Stream<Arguments> studies() {
        List<Arguments> out = new ArrayList<>();
        for (DemoStudies.Entry e : DemoStudies.available()) {
            for (long seed : new long[] {1, 2}) {
                out.add(Arguments.of(e.name(), seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("studies")
    void studyRecoversTheTruth(String name, long seed) {
        DemoStudies.Entry entry = DemoStudies.available().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        WorkspaceConfig config = WorkspaceConfig.parse(DemoStudies.yaml(List.of(entry)), "demo");
        StudySpec spec = config.study(name);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            GroundTruth truth = Scenarios.get(scenarioOf(entry)).generate(engine, seed);
            JsonNode r = Json.read(Json.write(MetricStudies.uses(spec)
                    ? MetricStudies.run(engine, spec, config.catalog(), java.nio.file.Path.of("."))
                    : spec.studyMethod().run(engine, spec.source(), spec.params())));
            if (name.equals("referral_naive_gap")) {
                // a non-experiment: the sign-up log is the exposure log; the naive gap overstates the causal effect
                double gap = r.path("metrics").get(0).path("comparisons").get(0).path("estimate").asDouble();
                assertTrue(gap < truth.number("ate"), () -> "naive gap " + gap + " vs causal " + truth.number("ate"));
                assertEquals("lower", r.path("metrics").get(0).path("better").asText());
                assertFalse(r.path("srm").path("mismatch").asBoolean(), "about a quarter of sign-ups use a code, as the split says");
                return;
            }
            if (name.equals("billboard_expansion")) {
                expansion(r, truth, engine);
                return;
            }
            check(entry.method(), r, truth);
        }
    }

    /**
     * The second billboard wave (lift = 5% + 20% × urban share). Each city's effect in % is within 3
     * points of its true lift (an effect's placebo standard deviation is about 0.6 sign-ups per 100k,
     * 1.2 points of a level near 50; the misses on seeds 1, 2 and 20261127 are 0.1 to 2.3 points). Urban
     * share clearly goes with a larger effect (the slope's 90% interval is above 0) of the rule's size in
     * sign-ups, 20% of the cities' level: within a factor of two, since four cities pin a slope down
     * loosely (1.55 times the truth on seed 1). Every city that never had a billboard, and no other, is
     * a candidate, ranked nearly as its true effect would rank it, (5% + 20% × urban share) × its level
     * after week 92: Spearman's ρ ≥ 0.9 (0.99 on seeds 1 and 2); and their 90% ranges hold that true
     * effect for at least 80% of them (with the Knapp–Hartung scale floored at 1; without, none).
     */
    private static void expansion(JsonNode r, GroundTruth t, DuckDbEngine engine) {
        Map<?, ?> lifts = (Map<?, ?>) t.truths().get("second_wave_relative_lift");
        Map<?, ?> atts = (Map<?, ?>) t.truths().get("second_wave_att_per_100k");
        assertEquals(lifts.size(), r.path("effects").size());
        double level = 0;
        for (JsonNode e : r.path("effects")) {
            String city = e.path("treated").asText();
            double lift = ((Number) lifts.get(city)).doubleValue();
            double estimate = e.path("relative_att").asDouble();
            assertEquals(lift, estimate, 0.03, () -> city + ": effect " + estimate + " vs true lift " + lift);
            level += ((Number) atts.get(city)).doubleValue() / lift / lifts.size();
        }
        JsonNode model = r.path("trait_model");
        assertTrue(model.path("fitted").asBoolean(), model.path("sentence").asText());
        JsonNode slope = model.path("coefficients").get(1);
        assertEquals("urban_share", slope.path("term").asText());
        double trueSlope = 0.2 * level;
        assertTrue(slope.path("low").asDouble() > 0, () -> "urban share clearly matters: " + slope);
        assertTrue(trueSlope / 2 <= slope.path("estimate").asDouble() && slope.path("estimate").asDouble() <= 2 * trueSlope,
                () -> "slope " + slope + " vs the rule's " + trueSlope);
        Map<String, Double> truth = new java.util.HashMap<>();
        for (List<Object> row : engine.query("SELECT city, (0.05 + 0.2 * any_value(urban_share)) * avg(signups_per_100k) FROM city_signups "
                + "WHERE billboard_wave = 0 AND week >= " + (int) t.number("second_wave_week") + " GROUP BY city").rows()) {
            truth.put((String) row.get(0), ((Number) row.get(1)).doubleValue());
        }
        List<Double> predicted = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        int covered = 0;
        for (JsonNode c : model.path("candidates")) {
            Double v = truth.get(c.path("unit").asText());
            assertTrue(v != null, () -> c.path("unit").asText() + " had a billboard: not a candidate");
            predicted.add(c.path("predicted").asDouble());
            actual.add(v);
            covered += c.path("low").asDouble() <= v && v <= c.path("high").asDouble() ? 1 : 0;
        }
        assertEquals(truth.size(), predicted.size(), "every city without a billboard is a candidate");
        double rho = spearman(predicted, actual);
        assertTrue(rho >= 0.9, () -> "candidates ranked unlike their true effects: Spearman " + rho);
        // the four effects share a common error (their synthetic controls share donors) and sit almost on a
        // line: with the plain Knapp–Hartung scale (s² = 0.06) the 90% ranges covered 0 of 55 true effects
        double share = (double) covered / predicted.size();
        assertTrue(share >= 0.8, () -> "90% ranges cover the true effect of " + share + " of the candidates");
    }

    /** Spearman's rank correlation (no ties in these data). */
    private static double spearman(List<Double> a, List<Double> b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        int n = a.size();
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }

    private static double[] ranks(List<Double> x) {
        Integer[] order = new Integer[x.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(x::get));
        double[] rank = new double[x.size()];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    private static String scenarioOf(DemoStudies.Entry e) {
        return e.scenario();
    }

    /**
     * The demo prints each verdict with a "Truth:" line under it; the reader compares the two, so the
     * truth is given in the verdict's unit: the billboard in sign-ups per 100k as well as %, the
     * referral effect as a change of the rate, the launch in hours per member; and the synth verdict
     * gives the relative effect too.
     */
    @org.junit.jupiter.api.Test
    void truthLinesAreInTheUnitOfTheVerdictBesideThem() {
        List<GroundTruth> truths = new ArrayList<>();
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            for (Scenario sc : Scenarios.all()) {
                truths.add(sc.generate(engine, 20261127));
            }
        }
        Map<String, String> lines = new java.util.HashMap<>();
        DemoStudies.available().forEach(e -> lines.put(e.name(), e.truth(truths)));
        GroundTruth billboard = truths.stream().filter(t -> t.scenario().equals("billboard")).findFirst().orElseThrow();
        String att = String.format(java.util.Locale.ROOT, "%.2f", billboard.number("att_per_100k"));
        assertTrue(lines.get("lakeview_billboard").contains("+15%") && lines.get("lakeview_billboard").contains("+" + att + " signups per 100k"),
                lines.get("lakeview_billboard"));
        Map<?, ?> lifts = (Map<?, ?>) billboard.truths().get("second_wave_relative_lift");
        Map<?, ?> atts = (Map<?, ?>) billboard.truths().get("second_wave_att_per_100k");
        for (Object city : lifts.keySet()) {
            String both = String.format(java.util.Locale.ROOT, "%s +%.1f%% (+%.2f)", city, 100 * ((Number) lifts.get(city)).doubleValue(),
                    ((Number) atts.get(city)).doubleValue());
            assertTrue(lines.get("billboard_expansion").contains(both), both + " in " + lines.get("billboard_expansion"));
        }
        assertTrue(lines.get("billboard_expansion").matches(".* \\+\\d+\\.\\d signups per 100k per unit of urban share .*"),
                lines.get("billboard_expansion"));
        GroundTruth referral = truths.stream().filter(t -> t.scenario().equals("referral")).findFirst().orElseThrow();
        assertTrue(lines.get("referral_programme").contains(String.format(java.util.Locale.ROOT, "−%.3f", -referral.number("ate"))),
                lines.get("referral_programme"));
        GroundTruth launch = truths.stream().filter(t -> t.scenario().equals("launch")).findFirst().orElseThrow();
        assertTrue(lines.get("feature_launch").startsWith(String.format(java.util.Locale.ROOT, "+%.2f hours per member", launch.number("att_simple"))),
                lines.get("feature_launch"));
        assertTrue(lines.get("artwork_test").contains("+0.020 above control"), lines.get("artwork_test"));

        DemoStudies.Entry synth = DemoStudies.available().stream().filter(e -> e.name().equals("lakeview_billboard")).findFirst().orElseThrow();
        StudySpec spec = WorkspaceConfig.parse(DemoStudies.yaml(List.of(synth)), "demo").study(synth.name());
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            Scenarios.get("billboard").generate(engine, 20261127);
            JsonNode r = Json.mapper().valueToTree(spec.studyMethod().run(engine, spec.source(), spec.params()));
            String summary = r.path("summary").asText();
            assertTrue(summary.matches("(?s).*higher per period than its synthetic version \\(\\+1\\d(\\.\\d+)?%\\).*"), summary);
        }
    }

    /**
     * The study's 95% interval widened to about 99.9% (×1.68): several intervals are checked per seed,
     * so a plain 95% interval would miss one now and then by design.
     */
    private static void covers(String what, double low, double high, double truth) {
        double mid = (low + high) / 2;
        double half = 1.68 * (high - low) / 2;
        assertTrue(mid - half <= truth && truth <= mid + half,
                () -> what + ": interval [" + low + ", " + high + "] (widened to 99.9%) misses the truth " + truth);
    }

    private static void check(String method, JsonNode r, GroundTruth t) {
        switch (method) {
            case "ab": {
                for (JsonNode m : r.path("metrics")) {
                    String metric = m.path("metric").asText();
                    for (JsonNode c : m.path("comparisons")) {
                        String v = c.path("variant").asText();
                        double truth = metric.equals("returned") ? 0.0 : t.number(metric + "_relative_lift_" + v);
                        covers(metric + " " + v, c.path("relative_ci_low").asDouble(), c.path("relative_ci_high").asDouble(), truth);
                    }
                }
                assertEquals("ok", r.at("/metrics/2/guardrail/status").asText(), "sessions did not fall: " + r.at("/metrics/2"));
                assertEquals("ship", r.at("/decision/recommendation").asText(), r.path("decision").toString());
                assertEquals("personalised", r.at("/decision/variant").asText());
                break;
            }
            case "interactions": {
                JsonNode top = null;
                for (JsonNode p : r.path("pairs")) {
                    if (p.path("p_value").isNull() || p.path("p_value").isMissingNode()) {
                        continue; // experiments of one layer share no units
                    }
                    if (top == null || p.path("p_value").asDouble() < top.path("p_value").asDouble()) {
                        top = p;
                    }
                }
                assertEquals("home_2/player_1", top.path("a").asText() + "/" + top.path("b").asText());
                double est = top.path("interaction").asDouble();
                double se = top.path("se").asDouble();
                covers("interaction", est - 1.96 * se, est + 1.96 * se, t.number("interaction"));
                break;
            }
            case "did":
                covers("simple ATT", r.path("ci_low").asDouble(), r.path("ci_high").asDouble(), t.number("att_simple"));
                break;
            case "observe":
                covers("ATE", r.path("ci_low").asDouble(), r.path("ci_high").asDouble(), t.number("ate"));
                break;
            case "synth": {
                double att = r.path("att").asDouble();
                double truth = t.number("att_per_100k");
                assertTrue(Math.abs(att - truth) <= 0.25 * truth, () -> "synthetic-control ATT " + att + " vs truth " + truth);
                break;
            }
            case "geo-design": {
                // a design has no estimate to compare: the check is that the test it recommends would have seen
                // Lakeview's true lift with room to spare, and that its power curve starts at no lift
                JsonNode best = r.path("best");
                double lift = t.number("relative_lift");
                assertEquals(0.0, r.path("power_curve").get(0).path("effect").asDouble());
                assertTrue(best.path("mde").isNumber() && best.path("mde").asDouble() < lift / 2,
                        () -> "the recommended test cannot see half of Lakeview's +" + lift + ": " + best);
                break;
            }
            case "simulate-live": {
                // the live loop runs on the scenario's true rates: the two arms worse than control leave the
                // experiment and get no traffic from then on, and the loop plays more than a fixed split
                for (String arm : List.of("control", "bold_title", "dark_moody", "lead_closeup", "ensemble")) {
                    double rate = ((Number) ((Map<?, ?>) t.truths().get("play_rate")).get(arm)).doubleValue();
                    assertEquals(rate, org.ceteris.live.LiveSimulation.ARTWORK.get(arm), 1e-12, "the simulation's true rate of " + arm);
                }
                List<String> demoted = new ArrayList<>();
                r.path("demoted").forEach(a -> demoted.add(a.asText()));
                assertTrue(demoted.containsAll(List.of("bold_title", "dark_moody")), demoted.toString());
                assertFalse(demoted.contains("lead_closeup"), demoted.toString());
                JsonNode days = r.path("days");
                JsonNode last = days.get(days.size() - 1);
                assertEquals(0.0, last.path("share").path("bold_title").asDouble());
                assertEquals(0.0, last.path("share").path("dark_moody").asDouble());
                assertTrue(r.path("plays_loop").asLong() > r.path("plays_fixed").asLong(), r.path("summary").asText());
                break;
            }
            case "sequential": {
                JsonNode d = r.path("decision");
                assertEquals("lead_closeup", d.path("winner").asText(), d.toString());
                List<String> demoted = new ArrayList<>();
                d.path("demoted").forEach(x -> demoted.add(x.path("variant").asText()));
                assertTrue(demoted.containsAll(List.of("bold_title", "dark_moody")), "demoted " + demoted);
                break;
            }
            case "dag_adjust": {
                List<List<String>> sets = new ArrayList<>();
                r.path("minimal_sets").forEach(s -> {
                    List<String> set = new ArrayList<>();
                    s.forEach(x -> set.add(x.asText()));
                    sets.add(set);
                });
                @SuppressWarnings("unchecked")
                List<String> truth = (List<String>) t.truths().get("minimal_adjustment_set");
                assertTrue(sets.contains(truth), () -> "minimal sets " + sets + " lack " + truth);
                break;
            }
            default:
                throw new AssertionError("no truth check for method " + method + ": add one");
        }
    }
}
