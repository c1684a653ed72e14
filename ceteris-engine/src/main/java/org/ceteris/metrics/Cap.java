package org.ceteris.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/**
 * Winsorisation of per-unit values: {@code pNN} caps at the NN-th percentile of the values of every
 * analysed unit (both arms pooled, linear interpolation as DuckDB's {@code quantile_cont}), a number
 * caps at that value.
 *
 * @param percentile NN/100 in (0, 1], or null for a fixed cap
 * @param value      the fixed cap, or null for a percentile
 */
public record Cap(Double percentile, Double value) {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(\\.\\d+)?)");

    /** A cap from YAML: {@code p99}, {@code p99.9} or a number; null when absent. */
    public static Cap parse(Object raw, String what) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n) {
            return fixed(n.doubleValue(), what);
        }
        String s = raw.toString().strip();
        Matcher m = PERCENTILE.matcher(s);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (!(p > 0 && p <= 100)) {
                throw new CeterisException(what + ": cap '" + s + "' is not a percentile; write pNN with 0 < NN <= 100, e.g. p99");
            }
            return new Cap(p / 100, null);
        }
        try {
            return fixed(Double.parseDouble(s), what);
        } catch (NumberFormatException e) {
            throw new CeterisException(what + ": cap '" + s + "' is neither pNN (e.g. p99) nor a number");
        }
    }

    private static Cap fixed(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new CeterisException(what + ": cap must be a finite number, got " + v);
        }
        return new Cap(null, v);
    }

    @Override
    public String toString() {
        if (percentile != null) {
            double p = percentile * 100;
            return "p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p));
        }
        return String.valueOf(value);
    }
}
