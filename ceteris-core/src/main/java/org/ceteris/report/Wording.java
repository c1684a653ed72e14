package org.ceteris.report;

import java.util.Locale;

/**
 * Number formatting shared by every plain-language verdict: percentages, effects and p-values in
 * words a stakeholder reads without a statistics course.
 */
public final class Wording {

    private Wording() {
    }

    /** 0.0312 → "3.1%". */
    public static String percent(double fraction) {
        double pct = 100 * fraction;
        return number(pct) + "%";
    }

    /** 0.0312 → "+3.1%", −0.0312 → "-3.1%": a change, with its sign. */
    public static String signedPercent(double fraction) {
        return (fraction > 0 ? "+" : "") + percent(fraction);
    }

    /** A number with about three significant digits, no exponent for everyday magnitudes. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return String.format(Locale.ROOT, "%.3f", x);
    }

    /** The confidence level of a two-sided interval at level alpha: 0.05 → "95%". */
    public static String confidence(double alpha) {
        double level = 100 * (1 - alpha);
        return (level == Math.rint(level) ? String.format(Locale.ROOT, "%.0f", level)
                : String.format(Locale.ROOT, "%.1f", level)) + "%";
    }

    /** "watch_minutes" → "watch minutes". */
    public static String humanize(String name) {
        return name.replace('_', ' ');
    }

    /** A p-value as a stakeholder-friendly chance statement. */
    public static String chance(double p) {
        if (p < 0.001) {
            return "less than a 0.1% chance";
        }
        return "a " + percent(p) + " chance";
    }
}
