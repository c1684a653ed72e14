package org.ceteris.did;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the CSV fixtures of this package (lines starting with # are provenance comments). */
final class Fixtures {

    private Fixtures() {
    }

    /** Rows as column → text, header from the first non-comment line; quotes stripped. */
    static List<Map<String, String>> csv(String name) {
        InputStream in = Fixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = Arrays.stream(line.split(",", -1)).map(s -> s.replace("\"", "")).toArray(String[]::new);
                if (header == null) {
                    header = f;
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    /**
     * A panel from rows: unit and time columns, outcome, then either treated/post (2×2) or a
     * first-treated column; rows with a non-numeric outcome are skipped.
     */
    static DidPanel panel(List<Map<String, String>> rows, String unit, String time, String outcome, String treated,
                          String post, String firstTreated, String... covariates) {
        List<Map<String, String>> kept = rows.stream().filter(r -> isNumber(r.get(outcome))).toList();
        TreeMap<Double, Integer> units = new TreeMap<>();
        TreeSet<Long> times = new TreeSet<>();
        for (Map<String, String> r : kept) {
            units.putIfAbsent(num(r, unit), 0);
            times.add((long) num(r, time));
        }
        int i = 0;
        List<String> labels = new ArrayList<>();
        for (Map.Entry<Double, Integer> e : units.entrySet()) {
            e.setValue(i++);
            labels.add(String.valueOf(e.getKey()));
        }
        long[] periods = times.stream().mapToLong(Long::longValue).toArray();
        int n = kept.size();
        int[] u = new int[n];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] d = treated == null ? null : new double[n];
        double[] p = post == null ? null : new double[n];
        long[] ft = firstTreated == null ? null : new long[units.size()];
        double[][] x = new double[covariates.length][n];
        for (int r = 0; r < n; r++) {
            Map<String, String> row = kept.get(r);
            u[r] = units.get(num(row, unit));
            t[r] = Arrays.binarySearch(periods, (long) num(row, time));
            y[r] = num(row, outcome);
            if (d != null) {
                d[r] = num(row, treated);
                p[r] = num(row, post);
            }
            if (ft != null) {
                ft[u[r]] = (long) num(row, firstTreated);
            }
            for (int c = 0; c < covariates.length; c++) {
                x[c][r] = num(row, covariates[c]);
            }
        }
        return new DidPanel(labels, periods, u, t, y, d, p, ft, List.of(covariates), x, rows.size() - n);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }
}
