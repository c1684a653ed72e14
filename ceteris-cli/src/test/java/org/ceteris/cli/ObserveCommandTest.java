package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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

/** {@code ceteris observe}: the JSON contract, published numbers and bad input. */
class ObserveCommandTest {

    /** NSW treated + CPS-1 controls, the data of the MatchIt fixtures in ceteris-core. */
    static final String NSW = Path.of("../ceteris-core/src/test/resources/org/ceteris/observational/nsw_cps1.csv").toString();
    static final String NSW_COVS = "age,educ,black,hisp,marr,nodegree,re74,re75";

    @TempDir
    static Path dir;
    static Path sim;

    @BeforeAll
    static void simulate() throws IOException {
        Random rng = new Random(7);
        StringBuilder sb = new StringBuilder("treat,y,x1,x2,region,flag,const\n");
        for (int i = 0; i < 400; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            String region = List.of("north", "south", "west").get(rng.nextInt(3));
            int t = rng.nextDouble() < 1 / (1 + Math.exp(-(0.8 * x1 - 0.3 + (region.equals("west") ? 0.5 : 0)))) ? 1 : 0;
            double y = 2 + 1.5 * t + x1 + 0.5 * x2 + rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f,%s,%d,5%n", t, i == 7 ? "NaN" : String.format(Locale.ROOT, "%.6f", y),
                    x1, x2, region, t == 1 ? 2 : 0));
        }
        sim = dir.resolve("sim.csv");
        Files.writeString(sim, sb.toString());
    }

    private static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of("observe"));
        all.addAll(List.of(args));
        all.add("--json");
        return Json.read(Cli.run(all.toArray(String[]::new)).ok().out());
    }

    @Test
    void jsonContractAndMatchItCaliperResult() {
        JsonNode r = json("--data", NSW, "--treatment", "treat", "--outcome", "re78", "--covariates", NSW_COVS,
                "--method", "match", "--caliper", "0.1", "--refute", "placebo");
        List<String> fields = new ArrayList<>();
        r.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("method", "estimator", "estimand", "estimate", "se", "ci_low", "ci_high", "p_value", "n_treated",
                "n_control", "n_matched_control", "propensity", "balance", "overlap", "refutations", "diagnostics", "summary"), fields);
        assertEquals("observe", r.get("method").asText());
        assertEquals("match", r.get("estimator").asText());
        assertEquals("att", r.get("estimand").asText());
        // MatchIt 4.5 (fix of #163), caliper = 0.1 SD of the score: make_matchit_fixtures.R
        assertEquals(1829.1945506321763, r.get("estimate").asDouble(), 1e-6);
        assertEquals(712.88277815013726, r.get("se").asDouble(), 1e-6);
        assertEquals(174, r.get("n_matched_control").asInt());
        assertEquals(185, r.get("n_treated").asInt());
        assertEquals(15992, r.get("n_control").asInt());
        JsonNode p = r.get("propensity");
        assertEquals(List.of("coefficients", "converged", "iterations"), names(p));
        assertEquals(-5.6049943782792946, p.get("coefficients").get("(intercept)").asDouble(), 1e-6);
        assertTrue(p.get("converged").asBoolean());
        assertEquals(List.of("covariate", "smd_before", "smd_after", "var_ratio_before", "var_ratio_after"), names(r.get("balance").get(0)));
        assertEquals(List.of("treated_min", "treated_max", "control_min", "control_max", "trimmed"), names(r.get("overlap")));
        assertEquals(List.of("name", "estimate", "p_value", "passed"), names(r.get("refutations").get(0)));
        assertTrue(r.get("summary").asText().contains("1,829 higher"), r.get("summary").asText());
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void nhefsIpwIsThreePointFourKilograms() {
        // Hernán & Robins, What If, ch. 12: IPW effect of quitting smoking on weight gain 3.4 kg (95% CI 2.4-4.5)
        String data = Path.of("src/test/resources/org/ceteris/cli/nhefs_ch12.csv").toString();
        JsonNode r = json("--data", data, "--sql", "SELECT qsmk, wt82_71, sex, race, age, age*age AS age2, "
                + "CAST(CAST(education AS INT) AS VARCHAR) AS education, smokeintensity, smokeintensity^2 AS smokeintensity2, "
                + "smokeyrs, smokeyrs^2 AS smokeyrs2, CAST(CAST(exercise AS INT) AS VARCHAR) AS exercise, "
                + "CAST(CAST(active AS INT) AS VARCHAR) AS active, wt71, wt71^2 AS wt712 FROM data",
                "--treatment", "qsmk", "--outcome", "wt82_71", "--covariates",
                "sex,race,age,age2,education,smokeintensity,smokeintensity2,smokeyrs,smokeyrs2,exercise,active,wt71,wt712",
                "--method", "ipw", "--estimand", "ate");
        assertEquals(3.44, r.get("estimate").asDouble(), 0.005);
        assertEquals(2.4, r.get("ci_low").asDouble(), 0.05);
        assertEquals(4.5, r.get("ci_high").asDouble(), 0.05);
        assertEquals(1566, r.get("n_treated").asInt() + r.get("n_control").asInt());
        assertTrue(r.get("diagnostics").toString().contains("MISSING_VALUES"));
        assertTrue(r.get("propensity").get("coefficients").has("education_2"));
    }

    @Test
    void sameSeedGivesByteIdenticalJson() {
        String[] args = {"observe", "--data", sim.toString(), "--treatment", "treat", "--outcome", "y", "--covariates",
                "x1,x2,region", "--method", "aipw", "--refute", "placebo,bootstrap", "--seed", "3", "--json"};
        assertEquals(Cli.run(args).ok().out(), Cli.run(args).ok().out());
    }

    @Test
    void categoricalMissingAndConstantCovariates() {
        JsonNode r = json("--data", sim.toString(), "--treatment", "treat", "--outcome", "y", "--covariates", "x1,x2,region,const",
                "--method", "ipw");
        assertTrue(r.get("propensity").get("coefficients").has("region_south"));
        assertTrue(r.get("propensity").get("coefficients").has("region_west"));
        String diags = r.get("diagnostics").toString();
        assertTrue(diags.contains("MISSING_VALUES") && diags.contains("CONSTANT_COVARIATE"), diags);
        assertEquals(399, r.get("n_treated").asInt() + r.get("n_control").asInt());
        assertTrue(r.get("n_matched_control").isNull());
    }

    @Test
    void studyParametersGiveTheSameResultAsTheFlags() {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("treatment", "treat");
        params.put("outcome", "y");
        params.put("covariates", List.of("x1", "x2", "region"));
        params.put("method", "match");
        params.put("ratio", 2);
        params.put("replace", true);
        params.put("refute", "subset");
        params.put("seed", 4);
        org.ceteris.result.CeterisResult viaStudy;
        try (org.ceteris.engine.DuckDbEngine engine = org.ceteris.engine.DuckDbEngine.inMemory()) {
            viaStudy = org.ceteris.studies.StudyMethods.get("observe").run(engine, new org.ceteris.engine.Source.File(sim),
                    new org.ceteris.studies.Params("study referral", params));
        }
        String viaCli = Cli.run("observe", "--data", sim.toString(), "--treatment", "treat", "--outcome", "y", "--covariates",
                "x1,x2,region", "--ratio", "2", "--replace", "--refute", "subset", "--seed", "4", "--json").ok().out();
        assertEquals(viaCli.strip(), Json.write(viaStudy).strip());
        params.put("calliper", 0.2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.ceteris.CeterisException.class,
                () -> org.ceteris.studies.StudyMethods.get("observe").run(null, null, new org.ceteris.studies.Params("study referral", params)));
        assertTrue(e.getMessage().contains("calliper"), e.getMessage());
    }

    @Test
    void textOutputHasTheVerdict() {
        Cli.Run run = Cli.run("observe", "--data", sim.toString(), "--treatment", "treat", "--outcome", "y", "--covariates",
                "x1,x2", "--ratio", "2", "--replace").ok();
        assertTrue(run.out().contains("Balance"), run.out());
        assertTrue(run.out().contains("comparable untreated units"), run.out());
    }

    @Test
    void badInput() {
        String d = sim.toString();
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "flag", "--outcome", "y", "--covariates", "x1"),
                "must hold only 0 and 1");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "region", "--outcome", "y", "--covariates", "x1"),
                "treatment column 'region'");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "region", "--covariates", "x1"),
                "not numeric");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1,nope"),
                "column 'nope' not found");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1,flag"),
                "complete separation");
        assertOneLineError(Cli.run("observe", "--data", d, "--sql", "SELECT * FROM data WHERE treat = 1", "--treatment", "treat",
                "--outcome", "y", "--covariates", "x1"), "no untreated units");
        assertOneLineError(Cli.run("observe", "--data", d, "--sql", "SELECT * FROM data WHERE treat = 0", "--treatment", "treat",
                "--outcome", "y", "--covariates", "x1"), "no treated units");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1",
                "--estimand", "ate"), "matching estimates the effect on the treated only");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1",
                "--method", "ipw", "--caliper", "0.2"), "--method match only");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1",
                "--refute", "placebo,psychic"), "unknown refuter 'psychic'");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1",
                "--method", "magic"), "unknown --method 'magic': use match, ipw, aipw or regression");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y", "--covariates", "x1",
                "--trim", "0.7"), "--trim");
        assertOneLineError(Cli.run("observe", "--data", d, "--treatment", "treat", "--outcome", "y"), "--covariates");
    }
}
