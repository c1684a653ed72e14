package org.ceteris.observational;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the CSV data and reference values under src/test/resources/org/ceteris/observational. */
final class Fixtures {

    private Fixtures() {
    }

    private static final Map<String, List<Map<String, String>>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, ObservationalData> DATA = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rows of a CSV file as maps; lines starting with '#' are comments. Read once per test run. */
    static List<Map<String, String>> csv(String name) {
        return CACHE.computeIfAbsent(name, Fixtures::read);
    }

    private static List<Map<String, String>> read(String name) {
        var in = Fixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (header == null) {
                    header = f;
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], f[i]);
                }
                rows.add(m);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> NSW_COVARIATES = List.of("age", "educ", "black", "hisp", "marr", "nodegree", "re74", "re75");

    /** NSW treated + CPS-1 controls. */
    static ObservationalData nsw() {
        return DATA.computeIfAbsent("nsw", k -> data("nsw_cps1.csv", "re78", NSW_COVARIATES, List.of()));
    }

    /** The simulated data with a categorical covariate (make_fixtures.py). */
    static ObservationalData sim() {
        return DATA.computeIfAbsent("sim", k -> data("sim_cat.csv", "y", List.of("x1", "x2"), List.of("race")));
    }

    static ObservationalData data(String file, String outcome, List<String> numeric, List<String> categorical) {
        List<Map<String, String>> rows = csv(file);
        int n = rows.size();
        boolean[] t = new boolean[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Double.parseDouble(rows.get(i).get("treat")) == 1;
            y[i] = Double.parseDouble(rows.get(i).get(outcome));
        }
        List<Covariate> covs = new ArrayList<>();
        for (String c : numeric) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.parseDouble(rows.get(i).get(c));
            }
            covs.add(new Covariate.Numeric(c, v));
        }
        for (String c : categorical) {
            List<String> levels = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> r.get(c)).toList()));
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = levels.indexOf(rows.get(i).get(c));
            }
            covs.add(new Covariate.Categorical(c, levels, codes));
        }
        return new ObservationalData("treat", outcome, t, y, covs);
    }

    static double[] column(String file, String name) {
        return csv(file).stream().mapToDouble(r -> Double.parseDouble(r.get(name))).toArray();
    }

    static int[] ints(String file, String name) {
        return Arrays.stream(column(file, name)).mapToInt(d -> (int) d).toArray();
    }
}
