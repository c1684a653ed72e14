package org.ceteris.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference fixtures next to {@code make_fixtures.py} (test resources of this package):
 * {@code key,value} files of reference numbers and the generated raw data sets.
 */
public final class Fixtures {

    /** Tolerance of every reference comparison: 1e-9 relative. */
    public static final double REL = 1e-9;

    private Fixtures() {
    }

    /** {@code key → value} of a reference file ({@code #} lines are comments). */
    public static Map<String, Double> expected(String file) {
        Map<String, Double> out = new HashMap<>();
        for (String line : lines(file)) {
            if (line.startsWith("#") || line.startsWith("key,") || line.isBlank()) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            out.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
        }
        return out;
    }

    /** A generated data set: column name → values (strings for unit and variant, doubles else; empty/NaN cells are NaN). */
    public record Data(List<String> units, List<String> variants, Map<String, double[]> columns) {

        public double[] column(String name) {
            double[] c = columns.get(name);
            if (c == null) {
                throw new IllegalArgumentException("no column " + name);
            }
            return c;
        }

        public int size() {
            return variants.size();
        }
    }

    public static Data data(String file) {
        List<String> lines = lines(file);
        String[] header = lines.get(0).split(",", -1);
        List<String> units = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        Map<String, double[]> cols = new LinkedHashMap<>();
        int n = lines.size() - 1;
        for (int j = 2; j < header.length; j++) {
            cols.put(header[j], new double[n]);
        }
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            units.add(cells[0]);
            variants.add(cells[1]);
            for (int j = 2; j < header.length; j++) {
                cols.get(header[j])[i] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
            }
        }
        return new Data(units, variants, cols);
    }

    /** |actual − expected| ≤ 1e-9 · max(|expected|, scale); {@code scale} guards values that cross zero (e.g. an interval bound against its se). */
    public static void assertClose(double expected, double actual, double scale, String what) {
        double tol = REL * Math.max(Math.abs(expected), scale);
        assertTrue(Math.abs(actual - expected) <= tol || expected == actual,
                () -> what + ": expected " + expected + " but was " + actual + " (rel. error "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    public static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, 0.0, what);
    }

    private static List<String> lines(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file + " (run make_fixtures.py)");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
