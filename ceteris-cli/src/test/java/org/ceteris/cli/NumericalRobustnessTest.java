package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.ceteris.json.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Means near 1e12 with tiny variances: the A/B effect must match exact (BigDecimal) arithmetic on
 * the same printed values to within what a double can hold near 1e12 (a few ulps, ~1e-4), not be
 * swamped by summation error. Before the compensated mean, 1,000 values per arm near 1e12 gave an
 * effect of 0.0015 where the exact one was 0.0048.
 */
class NumericalRobustnessTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"1, 1e12, 0.01, 0.005", "2, 1e12, 0.01, -0.02", "3, 3e11, 0.001, 0.0004", "4, -7e11, 0.05, 0.03", "5, 1e9, 1e-5, 2e-6"})
    void largeMeansTinyVariances(long seed, double level, double sd, double lift) throws IOException {
        Random r = new Random(seed);
        int n = 4000;
        StringBuilder csv = new StringBuilder("variant,m\n");
        BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO};
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            int arm = i % 2;
            double v = level + arm * lift + sd * r.nextGaussian();
            values[i] = new BigDecimal(v).toPlainString();
            csv.append(arm == 0 ? "control" : "treatment").append(',').append(values[i]).append('\n');
            sum[arm] = sum[arm].add(new BigDecimal(values[i]));
        }
        Path data = tmp.resolve("big.csv");
        Files.writeString(data, csv);
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal half = BigDecimal.valueOf(n / 2);
        double exact = sum[1].divide(half, mc).subtract(sum[0].divide(half, mc)).doubleValue();
        // the CSV path (one-thread aggregate) and the workspace-table path (block sums merged in Java)
        Path ws = tmp.resolve("ws");
        Cli.run("import", "--workspace", ws.toString(), "--table", "big", data.toString()).ok();
        check(Cli.run("ab", "--data", data.toString(), "--variant", "variant", "--metric", "m", "--json"), exact, level, sd, n);
        check(Cli.run("ab", "--workspace", ws.toString(), "--table", "big", "--variant", "variant", "--metric", "m", "--json"),
                exact, level, sd, n);
    }

    private static void check(Cli.Run run, double exact, double level, double sd, int n) {
        JsonNode doc = Json.read(run.ok().out());
        JsonNode c = doc.get("metrics").get(0).get("comparisons").get(0);
        double tolerance = 4 * Math.ulp(Math.abs(level));
        assertEquals(exact, c.get("estimate").asDouble(), tolerance,
                String.format(Locale.ROOT, "level %g sd %g: exact %.9g", level, sd, exact));
        double se = c.get("se").asDouble();
        double exactSe = sd * Math.sqrt(2.0 / (n / 2)); // the true sd of the difference; the estimate is within ~5%
        assertTrue(Math.abs(se / exactSe - 1) < 0.1, "se " + se + " vs " + exactSe);
    }
}
