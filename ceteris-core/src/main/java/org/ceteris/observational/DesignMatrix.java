package org.ceteris.observational;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The covariates as numeric columns (column-major, no intercept): numeric covariates as they are,
 * categorical covariates one-hot encoded with the first level in sorted order dropped, named
 * {@code column_level} (as R's {@code model.matrix} with treatment contrasts: {@code race_black}).
 * Columns with a single value carry no information and are dropped and listed. Cost O(n·p).
 *
 * @param names   column names, in covariate order
 * @param columns {@code columns[j][i]}: column j of unit i
 * @param dropped covariates (or levels) left out because they are constant
 */
public record DesignMatrix(List<String> names, double[][] columns, List<String> dropped) {

    public DesignMatrix {
        names = List.copyOf(names);
        dropped = List.copyOf(dropped);
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    public int width() {
        return columns.length;
    }

    public static DesignMatrix of(List<Covariate> covariates, int n) {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Covariate c : covariates) {
            if (c instanceof Covariate.Numeric num) {
                add(names, cols, dropped, c.name(), num.values());
            } else {
                Covariate.Categorical cat = (Covariate.Categorical) c;
                int[] count = new int[cat.levels().size()];
                for (int code : cat.codes()) {
                    count[code]++;
                }
                TreeMap<String, Integer> present = new TreeMap<>();
                for (int k = 0; k < count.length; k++) {
                    if (count[k] > 0) {
                        present.put(cat.levels().get(k), k);
                    }
                }
                if (present.size() < 2) {
                    dropped.add(c.name());
                    continue;
                }
                boolean first = true;
                for (var e : present.entrySet()) {
                    if (first) {
                        first = false;
                        continue;
                    }
                    double[] v = new double[n];
                    int k = e.getValue();
                    int[] codes = cat.codes();
                    for (int i = 0; i < n; i++) {
                        v[i] = codes[i] == k ? 1.0 : 0.0;
                    }
                    names.add(c.name() + "_" + e.getKey());
                    cols.add(v);
                }
            }
        }
        return new DesignMatrix(names, cols.toArray(new double[0][]), dropped);
    }

    private static void add(List<String> names, List<double[]> cols, List<String> dropped, String name, double[] v) {
        boolean constant = true;
        for (int i = 1; i < v.length && constant; i++) {
            constant = v[i] == v[0];
        }
        if (constant) {
            dropped.add(name);
        } else {
            names.add(name);
            cols.add(v);
        }
    }
}
