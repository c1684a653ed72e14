package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command on the same file through DuckDB and through Spark {@code local[2]} gives the same
 * JSON: same fields, same text, numbers to 1e-9 relative. Spark aggregates per partition and
 * Ceteris merges the partitions' statistics; DuckDB aggregates in one piece.
 */
class SparkDuckDbParityTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path parquet;
    static Path interactions;

    @BeforeAll
    static void data() {
        SharedSpark.session();
        csv = TestData.experiment(dir, 6000, 20261127L);
        parquet = dir.resolve("experiment.parquet");
        interactions = TestData.interactions(dir, 3000, 8L);
    }

    /** Runs {@code args} with {@code --json} on both engines and compares. */
    private static JsonNode same(String... args) {
        List<String> duck = new ArrayList<>(List.of(args));
        duck.add("--json");
        List<String> spark = new ArrayList<>(duck);
        spark.addAll(List.of("--engine", "spark", "--spark-master", "local[2]"));
        JsonNode d = Json.read(SharedSpark.cli(duck.toArray(String[]::new)).ok().out());
        SharedSpark.Run s = SharedSpark.cli(spark.toArray(String[]::new)).ok();
        JsonClose.assertClose(d, Json.read(s.out()), 1e-9);
        return d;
    }

    @Test
    void abMeanRatioAndCupedFromParquet() {
        JsonNode j = same("ab", "--data", parquet.toString(), "--variant", "variant", "--metric", "watch", "--metric", "converted",
                "--ratio", "plays_per_session=plays/sessions", "--covariate", "watch=pre_watch");
        assertEquals("ab", j.get("method").asText());
        assertEquals(3, j.get("metrics").size());
        assertTrue(j.get("metrics").get(0).get("variance_reduction").asDouble() > 0.1, "CUPED used the covariate");
    }

    @Test
    void abPerUnitFromCsv() {
        JsonNode j = same("ab", "--data", csv.toString(), "--variant", "variant", "--unit", "user", "--metric", "watch",
                "--ratio", "plays_per_session=plays/sessions", "--covariate", "watch=pre_watch");
        assertTrue(j.toString().contains("MISSING"), "missing values are reported the same way: " + j.get("diagnostics"));
    }

    @Test
    void abQuantilesRowLevelAndPerUnitWithBayesianAndGuardrail() {
        JsonNode j = same("ab", "--data", csv.toString(), "--variant", "variant", "--quantile", "watch:0.5", "--quantile", "watch:0.9",
                "--metric", "watch", "--inference", "bayesian", "--guardrail", "watch:-5%");
        assertEquals("quantile", j.at("/metrics/1/kind").asText(), "means first, then ratios, then quantiles");
        same("ab", "--data", csv.toString(), "--variant", "variant", "--unit", "user", "--quantile", "watch:0.9");
    }

    @Test
    void abWithSqlOverData() {
        same("ab", "--data", parquet.toString(), "--sql", "SELECT * FROM data WHERE sessions > 1", "--variant", "variant",
                "--metric", "watch");
    }

    @Test
    void interactionsRowLevelAndPerUnit() {
        JsonNode j = same("interactions", "--data", interactions.toString(), "--experiments", "row_ranking,artwork,autoplay",
                "--metric", "watch_minutes");
        assertEquals(3, j.get("pairs").size());
        same("interactions", "--data", interactions.toString(), "--experiments", "row_ranking,artwork", "--unit", "member",
                "--metric", "watch_minutes");
    }

    @Test
    void synthOnProp99WithPredictors() {
        JsonNode j = same("synth", "--data", TestData.PROP99.toString(), "--unit", "state", "--time", "year", "--outcome", "cigsale",
                "--treated", "California", "--treatment-time", "1989", "--predictor", "lnincome:1980-1988",
                "--predictor", "retprice:1980-1988", "--predictor", "beer:1984-1988", "--special", "cigsale@1988",
                "--special", "cigsale@1975", "--v-search", "regression");
        assertTrue(j.get("method").asText().startsWith("synthetic_control"));
    }

    @Test
    void didStaggeredOnMpdta() {
        JsonNode j = same("did", "--data", TestData.MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--covariates", "lpop");
        assertEquals("staggered", j.get("design").asText());
    }

    @Test
    void didEventStudyOnMpdta() {
        same("did", "--data", TestData.MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--event-study");
    }

    @Test
    void didTwoByTwoWithNaTextOnCardKrueger() {
        JsonNode j = same("did", "--data", TestData.CARD_KRUEGER.toString(), "--unit", "id", "--time", "d", "--outcome", "fte",
                "--treated", "nj", "--post", "d");
        assertEquals(2.75, j.get("estimate").asDouble(), 0.005);
    }

    /**
     * Dates as the time column on Spark: MPDTA's years and first-treated years written as dates
     * (never-treated left empty; in a CSV file and as Parquet DATE columns), and Prop 99's years as
     * mid-year dates, give the same JSON as DuckDB.
     */
    @Test
    void didAndSynthWithDatesAsTheTimeColumn() throws java.io.IOException {
        List<String> mpdta = java.nio.file.Files.readAllLines(TestData.MPDTA);
        StringBuilder did = new StringBuilder("year,countyreal,lemp,first_treat\n");
        for (String line : mpdta.subList(1, mpdta.size())) {
            String[] f = line.split(",");
            did.append(f[0]).append("-01-01,").append(f[1]).append(',').append(f[3]).append(',')
                    .append(f[4].equals("0") ? "" : f[4] + "-01-01").append('\n');
        }
        Path dated = java.nio.file.Files.writeString(dir.resolve("mpdta_dates.csv"), did);
        JsonNode d = same("did", "--data", dated.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first_treat");
        assertEquals("2004-01-01", d.get("att_gt").get(0).get("group").asText());
        // the same panel as Parquet with DATE columns, which Spark reads as DateType
        Path parquetDates = dir.resolve("mpdta_dates.parquet");
        try (org.ceteris.engine.DuckDbEngine duck = org.ceteris.engine.DuckDbEngine.inMemory()) {
            duck.execute("COPY (SELECT CAST(year AS DATE) AS year, countyreal, lemp, CAST(first_treat AS DATE) AS first_treat FROM read_csv('"
                    + dated + "', header = true)) TO '" + parquetDates + "' (FORMAT parquet)");
        }
        assertEquals("DATE", SparkEngine.on(SharedSpark.session()).columns(new org.ceteris.engine.Source.File(parquetDates)).get(0).type());
        JsonNode fromParquet = same("did", "--data", parquetDates.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first_treat");
        assertEquals(d.get("estimate").asDouble(), fromParquet.get("estimate").asDouble(), 1e-12);

        List<String> prop99 = java.nio.file.Files.readAllLines(TestData.PROP99);
        StringBuilder synth = new StringBuilder(prop99.get(0)).append('\n');
        for (String line : prop99.subList(1, prop99.size())) {
            String[] f = line.split(",", -1);
            f[1] = (int) Double.parseDouble(f[1]) + "-07-01";
            synth.append(String.join(",", f)).append('\n');
        }
        Path datedSynth = java.nio.file.Files.writeString(dir.resolve("prop99_dates.csv"), synth);
        JsonNode s = same("synth", "--data", datedSynth.toString(), "--unit", "state", "--time", "year", "--outcome", "cigsale",
                "--treated", "California", "--treatment-time", "1989-07-01", "--predictor", "lnincome:1980-07-01..1988-07-01",
                "--special", "cigsale@1988-07-01", "--v-search", "regression");
        assertEquals("1989-07-01", s.get("treatment_time").asText());
    }

    @Test
    void sequentialWithCupedAndDemotionAndLooksByCount() {
        Path data = TestData.sequential(dir, 5L);
        JsonNode j = same("sequential", "--data", data.toString(), "--variant", "variant", "--metric", "minutes", "--covariate", "pre",
                "--time", "day", "--demote");
        assertEquals("sequential", j.get("method").asText());
        same("sequential", "--data", data.toString(), "--variant", "variant", "--ratio", "minutes/pre", "--time", "day",
                "--looks", "4", "--cuts", "count", "--method", "msprt");
    }

    @Test
    void observeMatchingAndAipw() {
        Path data = TestData.observational(dir, 7L);
        same("observe", "--data", data.toString(), "--treatment", "treat", "--outcome", "y", "--covariates", "x1,x2,region",
                "--ratio", "2", "--replace", "--refute", "subset", "--seed", "4");
        JsonNode j = same("observe", "--data", data.toString(), "--treatment", "treat", "--outcome", "y", "--covariates",
                "x1,x2,region", "--method", "aipw");
        assertEquals(1.5, j.get("estimate").asDouble(), 0.4);
    }

    @Test
    void dagTestNumericAndCategorical() {
        Path data = TestData.chain(dir, 5L);
        JsonNode j = same("dag", "test", "--dag", "dag { A -> B -> C }", "--data", data.toString());
        assertEquals("fisher_z", j.get("test").asText());
        same("dag", "test", "--dag", "dag { A -> label -> C }", "--data", data.toString(), "--sql",
                "SELECT CASE WHEN A > 0 THEN 'hi' ELSE 'lo' END AS A, label, CASE WHEN C > 0 THEN 'hi' ELSE 'lo' END AS C FROM data");
    }
}
