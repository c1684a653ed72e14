package org.ceteris.synth;

import java.util.Locale;
import org.ceteris.CeterisException;

/**
 * One predictor of synthetic control: the mean of a column over a time window ({@code --predictor
 * COL[:FROM-TO]}, the whole pre-period when no window is given) or its value at one time
 * ({@code --special COL@T}). Missing values inside a window are skipped, as R Synth does.
 *
 * @param from first time of the window, or null for the start of the pre-period (also null for a special)
 * @param to   last time of the window, or null for the end of the pre-period
 * @param at   the time of a special predictor, or null
 */
public record PredictorSpec(String column, Double from, Double to, Double at) {

    public PredictorSpec {
        if (column == null || column.isBlank()) {
            throw new CeterisException("a predictor needs a column name");
        }
        if (at != null && (from != null || to != null)) {
            throw new CeterisException("predictor '" + column + "': give either a window FROM-TO or a time @T, not both");
        }
        if (from != null && to != null && from > to) {
            throw new CeterisException("predictor '" + column + "': window " + fmt(from) + "-" + fmt(to) + " ends before it starts");
        }
    }

    /** Parses {@code COL} or {@code COL:FROM-TO}. */
    public static PredictorSpec parseMean(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new PredictorSpec(s, null, null, null);
        }
        String window = s.substring(colon + 1).strip();
        int dash = window.indexOf('-', 1);
        if (dash < 0) {
            throw new CeterisException("--predictor '" + text + "': write the window as COL:FROM-TO, e.g. lnincome:1980-1988");
        }
        return new PredictorSpec(s.substring(0, colon).strip(), number(window.substring(0, dash), text),
                number(window.substring(dash + 1), text), null);
    }

    /** Parses {@code COL@T}. */
    public static PredictorSpec parseSpecial(String text) {
        String s = text.strip();
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new CeterisException("--special '" + text + "': write it as COL@T, e.g. cigsale@1988");
        }
        return new PredictorSpec(s.substring(0, at).strip(), null, null, number(s.substring(at + 1), text));
    }

    private static Double number(String s, String text) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new CeterisException("predictor '" + text + "': '" + s.strip() + "' is not a time (a number such as a year or week)");
        }
    }

    /** True for a value at one time. */
    public boolean special() {
        return at != null;
    }

    /** The name in output: {@code COL}, {@code COL:FROM-TO} when a window is given, {@code COL@T} for a special. */
    public String label() {
        if (at != null) {
            return column + "@" + fmt(at);
        }
        return from == null && to == null ? column : column + ":" + (from == null ? "" : fmt(from)) + "-" + (to == null ? "" : fmt(to));
    }

    /** A time as text: 1989 rather than 1989.0. */
    public static String label(double t) {
        return fmt(t);
    }

    static String fmt(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : String.valueOf(t).toLowerCase(Locale.ROOT);
    }
}
