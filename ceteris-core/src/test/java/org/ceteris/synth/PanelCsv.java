package org.ceteris.synth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: a unit × time CSV panel read without the engine (core tests cannot use DuckDB). */
final class PanelCsv {

    final List<String> header;
    /** unit → time → row values. */
    final Map<String, TreeMap<Double, String[]>> rows = new HashMap<>();

    PanelCsv(String resource, String unitCol, String timeCol) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PanelCsv.class.getResourceAsStream("data/" + resource), StandardCharsets.UTF_8))) {
            header = List.of(split(r.readLine()));
            int u = header.indexOf(unitCol);
            int t = header.indexOf(timeCol);
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = split(line);
                rows.computeIfAbsent(f[u], x -> new TreeMap<>()).put(Double.parseDouble(f[t]), f);
            }
        }
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    double value(String unit, double time, String col) {
        String[] f = rows.get(unit).get(time);
        String s = f == null ? "" : f[header.indexOf(col)];
        return s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /** Mean of the non-missing values of col over the given times. */
    double mean(String unit, String col, double... times) {
        double s = 0;
        int n = 0;
        for (double t : times) {
            double x = value(unit, t, col);
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return s / n;
    }

    static double[] range(double from, double to) {
        int n = (int) Math.round(to - from) + 1;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
