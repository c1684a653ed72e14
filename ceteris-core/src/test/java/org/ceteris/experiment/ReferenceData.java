package org.ceteris.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.Moments;

/**
 * The generated reference data sets of {@code make_fixtures.py} and their sufficient statistics,
 * computed here in Java from the raw rows (Welford updates), independently of any SQL engine.
 */
final class ReferenceData {

    /** Data set name → control variant (as make_fixtures.py documents). */
    static final Map<String, String> CONTROL = Map.of("heavy", "control", "large", "A", "gaps", "control",
            "stable", "control", "events", "control");

    /** Data set name → planned split, weights in sort order of the variants (PLANNED in make_fixtures.py). */
    static final Map<String, double[]> PLANNED = Map.of("heavy", new double[] {0.33, 0.16, 0.51},
            "large", new double[] {0.35, 0.65}, "gaps", new double[] {1, 1, 2}, "stable", new double[] {0.5, 0.5},
            "events", new double[] {0.5, 0.5});

    private ReferenceData() {
    }

    /** The data set with one row per unit: {@code ab_events.csv} is summed per unit (rows in file order). */
    static Fixtures.Data unitLevel(String name) {
        Fixtures.Data raw = Fixtures.data("ab_" + name + ".csv");
        if (!name.equals("events")) {
            return raw;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!index.containsKey(raw.units().get(i))) {
                index.put(raw.units().get(i), index.size());
                variants.add(raw.variants().get(i));
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (var e : raw.columns().entrySet()) {
            double[] sums = new double[index.size()];
            for (int i = 0; i < raw.size(); i++) {
                sums[index.get(raw.units().get(i))] += e.getValue()[i];
            }
            cols.put(e.getKey(), sums);
        }
        return new Fixtures.Data(new ArrayList<>(index.keySet()), variants, cols);
    }

    static List<String> variants(Fixtures.Data d) {
        return new ArrayList<>(new TreeSet<>(d.variants()));
    }

    /** Joint moments of columns a and b in one variant, over rows where both are finite. */
    static CoMoments coMoments(Fixtures.Data d, String variant, String a, String b) {
        double[] xa = d.column(a);
        double[] xb = d.column(b);
        CoMoments m = CoMoments.EMPTY;
        for (int i = 0; i < d.size(); i++) {
            if (d.variants().get(i).equals(variant) && Double.isFinite(xa[i]) && Double.isFinite(xb[i])) {
                m = m.add(xa[i], xb[i]);
            }
        }
        return m;
    }

    /** Moments of one column in one variant, over finite values (B of the result is unused). */
    static CoMoments moments(Fixtures.Data d, String variant, String a) {
        double[] xa = d.column(a);
        CoMoments m = CoMoments.EMPTY;
        for (int i = 0; i < d.size(); i++) {
            if (d.variants().get(i).equals(variant) && Double.isFinite(xa[i])) {
                m = m.add(xa[i], 0.0);
            }
        }
        return m;
    }

    /** The scorecard input the engine would return for --metric y --metric conv --ratio num_den=num/den and (y with x) as y_cuped. */
    static AbInput input(Fixtures.Data d) {
        List<String> variants = variants(d);
        Map<String, Long> units = new HashMap<>();
        Map<String, Map<String, CoMoments>> stats = new HashMap<>();
        Map<String, Long> excluded = new HashMap<>();
        for (String v : variants) {
            units.put(v, d.variants().stream().filter(v::equals).count());
            put(stats, excluded, units.get(v), "y", v, moments(d, v, "y"));
            put(stats, excluded, units.get(v), "conv", v, moments(d, v, "conv"));
            put(stats, excluded, units.get(v), "num_den", v, coMoments(d, v, "num", "den"));
            put(stats, excluded, units.get(v), "y_cuped", v, coMoments(d, v, "y", "x"));
        }
        return new AbInput(variants, units, stats, excluded, 0);
    }

    private static void put(Map<String, Map<String, CoMoments>> stats, Map<String, Long> excluded, long units,
                            String metric, String variant, CoMoments m) {
        stats.computeIfAbsent(metric, k -> new HashMap<>()).put(variant, m);
        excluded.merge(metric, units - m.n(), Long::sum);
    }

    static Moments a(CoMoments m) {
        return m.a();
    }
}
