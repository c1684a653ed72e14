package org.ceteris.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Adjusted p-values for a family of tests: Holm (1979) step-down and Benjamini–Hochberg (1995)
 * step-up. Matches {@code statsmodels.stats.multitest.multipletests(method='holm' | 'fdr_bh')}.
 * Runs in O(m log m). NaN p-values are left NaN and do not count towards m.
 */
public final class MultipleTesting {

    /** The family-wise or false-discovery correction to apply. */
    public enum Correction {
        NONE, HOLM, BH;

        public static Correction parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "holm" -> HOLM;
                case "bh", "fdr_bh", "fdr" -> BH;
                default -> throw new org.ceteris.CeterisException(
                        "unknown correction '" + s + "': use none, holm or bh");
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private MultipleTesting() {
    }

    public static double[] adjust(double[] p, Correction correction) {
        return switch (correction) {
            case NONE -> p.clone();
            case HOLM -> holm(p);
            case BH -> benjaminiHochberg(p);
        };
    }

    public static double[] holm(double[] p) {
        Integer[] order = finiteOrder(p);
        int m = order.length;
        double[] out = nanArray(p.length);
        double running = 0;
        for (int i = 0; i < m; i++) {
            double v = Math.min(1.0, (m - i) * p[order[i]]);
            running = Math.max(running, v);
            out[order[i]] = running;
        }
        return out;
    }

    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = finiteOrder(p);
        int m = order.length;
        double[] out = nanArray(p.length);
        double running = 1.0;
        for (int i = m - 1; i >= 0; i--) {
            double v = Math.min(1.0, p[order[i]] * m / (i + 1));
            running = Math.min(running, v);
            out[order[i]] = running;
        }
        return out;
    }

    private static Integer[] finiteOrder(double[] p) {
        return java.util.stream.IntStream.range(0, p.length)
                .filter(i -> !Double.isNaN(p[i]))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
