package org.ceteris.synth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An order of donors and predictors that depends only on their values, so that a search run in this
 * order cannot depend on how the problem was presented (the order of flags, the order or names of
 * units). Donors are sorted by their fit-window outcome path, then by their scaled predictors;
 * predictors by the treated unit's scaled value, then by the donors' scaled values in sorted order
 * (which does not depend on the donor order). Ties are exact copies, whose order cannot matter. Cost:
 * O(J log J · T + k log k · J log J).
 */
record CanonicalOrder(int[] donors, int[] predictors) {

    /** @param s1 scaled treated predictors, s0 scaled donor predictors [k][J], z0 fit-window outcomes [T][J] */
    static CanonicalOrder of(double[] s1, double[][] s0, double[][] z0) {
        int n = s0[0].length;
        int k = s1.length;
        double[][] donorKey = new double[n][z0.length + k];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < z0.length; t++) {
                donorKey[j][t] = z0[t][j];
            }
            for (int i = 0; i < k; i++) {
                donorKey[j][z0.length + i] = s0[i][j];
            }
        }
        double[][] predictorKey = new double[k][n + 1];
        for (int i = 0; i < k; i++) {
            predictorKey[i][0] = s1[i];
            double[] sorted = s0[i].clone();
            Arrays.sort(sorted);
            System.arraycopy(sorted, 0, predictorKey[i], 1, n);
        }
        return new CanonicalOrder(sortBy(donorKey), sortBy(predictorKey));
    }

    private static int[] sortBy(double[][] keys) {
        Comparator<Integer> lex = (a, b) -> Arrays.compare(keys[a], keys[b]);
        return IntStream.range(0, keys.length).boxed().sorted(lex).mapToInt(Integer::intValue).toArray();
    }

    double[] predictors(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[predictors[i]];
        }
        return out;
    }

    /** Rows (predictors) and columns (donors) of a k×J matrix in canonical order. */
    double[][] matrix(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = columns(x[predictors[i]]);
        }
        return out;
    }

    /** The columns (donors) of a T×J matrix in canonical order. */
    double[][] outcomes(double[][] z) {
        double[][] out = new double[z.length][];
        for (int t = 0; t < z.length; t++) {
            out[t] = columns(z[t]);
        }
        return out;
    }

    private double[] columns(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[donors[j]];
        }
        return out;
    }

    double[] predictorsBack(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[predictors[i]] = v[i];
        }
        return out;
    }

    double[] donorsBack(double[] w) {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[donors[j]] = w[j];
        }
        return out;
    }
}
