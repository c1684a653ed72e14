package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code ceteris ab}: one line on stderr and exit 2, or a named diagnostic; never a stack trace. */
class AbBadInputTest {

    @TempDir
    Path dir;

    Path good() throws IOException {
        return Cli.csv(dir, "good.csv", "user,variant,minutes,pre,device",
                "u1,control,10.5,9,tv", "u2,control,12.0,11,web", "u3,control,8.0,7,tv",
                "u4,B,11.0,10,tv", "u5,B,14.5,12,web", "u6,B,13.0,12,web");
    }

    /** {@code ceteris ab} on {@code f} with the variant in column variant and the metric m. */
    private static Cli.Run ab(Path f) {
        return Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m");
    }

    @Test
    void missingFile() {
        assertOneLineError(Cli.run("ab", "--data", dir.resolve("nope.csv").toString(), "--variant", "variant",
                "--metric", "minutes"), "file not found");
    }

    @Test
    void missingColumn() throws IOException {
        Cli.Run run = Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "minuts");
        assertOneLineError(run, "column 'minuts' not found in good.csv");
        assertTrue(run.err().contains("minutes"), "lists the columns there are: " + run.err());
    }

    @Test
    void missingVariantColumn() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "arm", "--metric", "minutes"),
                "column 'arm' not found");
    }

    @Test
    void nonNumericMetric() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "device"),
                "column 'device' in good.csv is VARCHAR, not numeric");
    }

    @Test
    void nonNumericCovariateAndRatio() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "minutes",
                "--covariate", "minutes=device"), "'device'");
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "variant",
                "--ratio", "mps=minutes/device"), "'device'");
    }

    @Test
    void oneVariantOnly() throws IOException {
        Path f = Cli.csv(dir, "one.csv", "variant,m", "control,1", "control,2", "control,3");
        assertOneLineError(ab(f),
                "only one variant (control)");
    }

    @Test
    void variantWithFewerThanTwoUnits() throws IOException {
        Path f = Cli.csv(dir, "small.csv", "variant,m", "control,1", "control,2", "control,3", "B,5");
        assertOneLineError(ab(f),
                "variant 'B' has 1 unit(s) with a value of m");
    }

    @Test
    void variantWhoseValuesAreAllMissing() throws IOException {
        Path f = Cli.csv(dir, "allnull.csv", "variant,m", "control,1", "control,2", "control,3", "B,", "B,");
        assertOneLineError(ab(f),
                "variant 'B' has 0 unit(s) with a value of m");
    }

    @Test
    void zeroVarianceInOneArmIsADiagnostic() throws IOException {
        Path f = Cli.csv(dir, "flat.csv", "variant,m", "control,1", "control,2", "control,3", "B,4", "B,4", "B,4");
        Cli.Run run = Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m", "--json").ok();
        JsonNode j = Json.read(run.out());
        assertTrue(codes(j).contains("ZERO_VARIANCE"), run.out());
        assertTrue(j.at("/metrics/0/comparisons/0/se").asDouble() > 0);
    }

    @Test
    void zeroControlMeanHasNoPercentage() throws IOException {
        Path f = Cli.csv(dir, "zeroc.csv", "variant,m", "control,0", "control,0", "control,0", "B,1", "B,0", "B,1", "B,1");
        Cli.Run text = ab(f).ok();
        assertFalse(text.out().contains("Infinity") || text.out().contains("n/a%"), text.out());
        assertTrue(text.out().contains("the change is somewhere between -0.046 and 1.55"), text.out());
        JsonNode j = Json.read(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m", "--json")
                .ok().out());
        assertTrue(j.at("/metrics/0/comparisons/0/relative").isNull(), "no relative lift over a zero mean");
        assertEquals(0.75, j.at("/metrics/0/comparisons/0/estimate").asDouble(), 1e-12);
    }

    @Test
    void zeroVarianceEverywhereIsAnError() throws IOException {
        Path f = Cli.csv(dir, "flat2.csv", "variant,m", "control,3", "control,3", "B,4", "B,4");
        assertOneLineError(ab(f),
                "metric m does not vary within any variant");
    }

    @Test
    void unknownControl() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "minutes",
                "--control", "ctrl"), "control 'ctrl' is not a value of column 'variant'; the variants are B, control");
    }

    @Test
    void unitInTwoVariants() throws IOException {
        Path f = Cli.csv(dir, "dup.csv", "user,variant,m", "u1,control,1", "u2,control,2", "u3,control,3",
                "u4,B,4", "u5,B,6", "u1,B,5", "u2,B,1", "u6,B,2");
        assertOneLineError(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m",
                "--unit", "user"), "2 unit(s) appear in more than one variant");
    }

    @Test
    void missingUnitColumn() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "minutes",
                "--unit", "member"), "column 'member' not found");
    }

    @Test
    void nanAndEmptyCellsAreExcludedCountedAndReported() throws IOException {
        Path f = Cli.csv(dir, "gaps.csv", "variant,m,x", "control,1,1", "control,,2", "control,3,NaN", "control,4,4",
                "B,4,1", "B,NaN,2", "B,6,3", "B,5,5", ",7,7");
        Cli.Run run = Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m", "--json").ok();
        JsonNode j = Json.read(run.out());
        assertEquals(3, j.at("/metrics/0/variants/0/n").asInt(), "B: 3 of 4 values");
        assertEquals(3, j.at("/metrics/0/variants/1/n").asInt(), "control: 3 of 4 values");
        assertEquals(4, j.at("/srm/observed/B").asInt(), "the SRM check counts every assigned unit");
        String messages = j.get("diagnostics").toString();
        assertTrue(messages.contains("2 unit(s) had a missing or non-numeric value of m"), messages);
        assertTrue(messages.contains("1 unit(s) had no value in the variant column"), messages);

        Cli.Run cuped = Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m",
                "--covariate", "m=x", "--json").ok();
        assertTrue(cuped.out().contains("3 unit(s) had a missing or non-numeric value of m"), cuped.out());
        Cli.Run text = ab(f).ok();
        assertTrue(text.out().contains("MISSING_VALUES"), text.out());
    }

    @Test
    void missingCellsInEventRowsAreCountedWithUnit() throws IOException {
        Path f = Cli.csv(dir, "events.csv", "user,variant,m,x", "u1,control,1,1", "u1,control,NaN,1", "u2,control,2,2",
                "u3,control,,3", "u3,control,,1", "u4,B,4,1", "u4,B,1,", "u5,B,6,2", "u6,B,5,2");
        JsonNode j = Json.read(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--unit", "user",
                "--metric", "m", "--json").ok().out());
        assertEquals(3, j.at("/metrics/0/variants/0/n").asInt(), "B: u4, u5, u6");
        assertEquals(2, j.at("/metrics/0/variants/1/n").asInt(), "control: u1, u2 (u3 has no value at all)");
        assertEquals(16.0 / 3, j.at("/metrics/0/variants/0/mean").asDouble(), 1e-12, "u4 sums 4 + 1, u5 6, u6 5");
        assertEquals(1.5, j.at("/metrics/0/variants/1/mean").asDouble(), 1e-12, "u1's NaN row is left out of its sum");
        String messages = j.get("diagnostics").toString();
        assertTrue(messages.contains("3 row(s) had a missing or non-numeric value of m and were left out of their unit's total"),
                messages);
        assertTrue(messages.contains("1 unit(s) had a missing or non-numeric value of m"), messages);
        JsonNode cuped = Json.read(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--unit", "user",
                "--metric", "m", "--covariate", "m=x", "--json").ok().out());
        assertTrue(cuped.get("diagnostics").toString().contains("4 row(s) had a missing"), cuped.toString());
    }

    @Test
    void infiniteValuesAreExcludedLikeMissingOnes() throws IOException {
        Path f = Cli.csv(dir, "inf.csv", "variant,m,d", "control,1,1", "control,2,2", "control,inf,1", "control,4,1",
                "B,4,1", "B,-inf,2", "B,6,1", "B,5,inf");
        JsonNode j = Json.read(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--metric", "m",
                "--ratio", "r=m/d", "--correction", "none", "--json").ok().out());
        assertEquals(3, j.at("/metrics/0/variants/0/n").asInt());
        assertEquals(3, j.at("/metrics/0/variants/1/n").asInt());
        assertEquals(2, j.at("/metrics/1/variants/0/n").asInt(), "B: rows with an infinite m or d are left out");
        assertEquals(5.0, j.at("/metrics/0/variants/0/mean").asDouble(), 1e-12);
        assertEquals(7.0 / 3.0, j.at("/metrics/0/variants/1/mean").asDouble(), 1e-12);
        String messages = j.get("diagnostics").toString();
        assertTrue(messages.contains("2 unit(s) had a missing or non-numeric value of m"), messages);
        assertTrue(messages.contains("3 unit(s) had a missing or non-numeric value of r"), messages);
    }

    @Test
    void malformedCsvIsOneLineNamingTheFile() throws IOException {
        Path f = Cli.csv(dir, "broken.csv", "variant,m", "control,1", "control,2,3,4", "B,\"unterminated", "B,5");
        assertOneLineError(ab(f),
                "cannot read broken.csv as a table: its rows do not have the same number of fields");
        Path extra = Cli.csv(dir, "extra.csv", "variant,m", "control,1", "control,2", "control,2,3,4", "B,5", "B,6");
        assertOneLineError(Cli.run("ab", "--data", extra.toString(), "--variant", "variant", "--metric", "m"),
                "cannot read extra.csv as a table");
    }

    @Test
    void binaryFileIsOneLineNamingTheFile() throws IOException {
        Path f = dir.resolve("binary.csv");
        Files.write(f, new byte[] {0, 1, 2, 'g', 'a', (byte) 0xff, (byte) 0xfe, '\n', 3, (byte) 0xc3});
        assertOneLineError(ab(f),
                "cannot read binary.csv: CSV Error on Line: 1: Invalid unicode");
    }

    @Test
    void unbalancedQuoteShowsTheOffendingValue() throws IOException {
        Path f = Cli.csv(dir, "quote.csv", "variant,m", "control,1", "control,2", "B,\"unterminated", "B,5");
        assertOneLineError(ab(f),
                "is VARCHAR, not numeric (for example the value '\"unterminated')");
    }

    @Test
    void notACsvOrParquet() throws IOException {
        Path f = Cli.csv(dir, "data.json", "{}");
        assertOneLineError(ab(f),
                "use a .csv, .tsv or .parquet file");
    }

    @Test
    void corruptParquet() throws IOException {
        Path f = Cli.csv(dir, "bad.parquet", "this is not parquet");
        assertOneLineError(ab(f),
                "cannot read bad.parquet: No magic bytes found");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Cli.csv(dir, "empty.csv", "variant,m");
        assertOneLineError(ab(f),
                "empty.csv has no rows");
    }

    @Test
    void wrongFlags() throws IOException {
        String data = good().toString();
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes", "--bogus"),
                "--bogus");
        assertOneLineError(Cli.run("ab", "--data", data, "--metric", "minutes"), "--variant");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant"), "--metric, --ratio or --quantile");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--correction", "bonferroni"), "unknown correction 'bonferroni'");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--alpha", "2"), "--alpha");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--alpha", "x"), "'x'");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--ratio", "minutes"),
                "is not NAME=NUMERATOR/DENOMINATOR");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--covariate", "pre"), "is not METRIC=COLUMN");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--covariate", "other=pre"), "names metric 'other'");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--metric", "minutes"), "given twice");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--split", "control=1,B"), "is not NAME=WEIGHT");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--split", "control=1,C=1"), "names variant 'C'");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--split", "control=1"), "no weight for variant 'B'");
        assertOneLineError(Cli.run("ab", "--data", data, "--variant", "variant", "--metric", "minutes",
                "--split", "control=1,B=-1"), "must be positive");
        assertOneLineError(Cli.run("ab", "--data", data, "--table", "t", "--variant", "variant", "--metric", "minutes"),
                "--table goes with --workspace");
        assertOneLineError(Cli.run("ab", "--data", data, "--workspace", dir.toString(), "--variant", "variant",
                "--metric", "minutes"), "either --data or --workspace");
        assertOneLineError(Cli.run("ab", "--workspace", dir.resolve("nows").toString(), "--table", "t",
                "--variant", "variant", "--metric", "minutes"), "no workspace at");
    }

    @Test
    void badSqlIsOneLine() throws IOException {
        assertOneLineError(Cli.run("ab", "--data", good().toString(), "--sql", "SELEC * FROM data",
                "--variant", "variant", "--metric", "minutes"), "SQL error");
    }

    @Test
    void zeroDenominatorRatio() throws IOException {
        Path f = Cli.csv(dir, "zero.csv", "variant,m,d", "control,1,0", "control,2,0", "B,1,1", "B,2,2");
        assertOneLineError(Cli.run("ab", "--data", f.toString(), "--variant", "variant", "--ratio", "r=m/d"),
                "denominator");
    }

    @Test
    void goodInputHasNoErrorDiagnostics() throws IOException {
        Cli.Run run = Cli.run("ab", "--data", good().toString(), "--variant", "variant", "--metric", "minutes",
                "--covariate", "minutes=pre", "--unit", "user", "--json").ok();
        JsonNode j = Json.read(run.out());
        assertFalse(codes(j).contains("MISSING_VALUES"));
        assertTrue(run.err().isEmpty(), run.err());
    }

    static String codes(JsonNode j) {
        StringBuilder sb = new StringBuilder();
        j.get("diagnostics").forEach(d -> sb.append(d.get("code").asText()).append(' '));
        return sb.toString();
    }
}
