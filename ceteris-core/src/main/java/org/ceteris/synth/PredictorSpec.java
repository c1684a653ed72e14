package org.ceteris.synth;

import java.util.Locale;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;

/**
 * One predictor of synthetic control: the mean of a column over a time window ({@code --predictor
 * COL[:FROM-TO]}, the whole pre-period when no window is given) or its value at one time
 * ({@code --special COL@T}). Missing values inside a window are skipped, as R Synth does. Times are period
 * numbers ({@code lnincome:1980-1988}, also {@code 1980..1988}) or dates ({@code signups:2026-01-05..2026-03-02},
 * {@code signups@2026-03-02}); a window of dates needs {@code ..} because a date holds dashes.
 *
 * @param from first time of the window, or null for the start of the pre-period (also null for a special)
 * @param to   last time of the window, or null for the end of the pre-period
 * @param at   the time of a special predictor, or null
 * @param scale how its times are written (dates are day numbers); NUMBER when it has no time
 */
public record PredictorSpec(String column, Double from, Double to, Double at, TimeScale scale) {

    /** A predictor whose times (if any) are period numbers. */
    public PredictorSpec(String column, Double from, Double to, Double at) {
        this(column, from, to, at, TimeScale.NUMBER);
    }

    public PredictorSpec {
        scale = scale == null || (from == null && to == null && at == null) ? TimeScale.NUMBER : scale;
        if (column == null || column.isBlank()) {
            throw new CeterisException("a predictor needs a column name");
        }
        if (at != null && (from != null || to != null)) {
            throw new CeterisException("predictor '" + column + "': give either a window FROM-TO or a time @T, not both");
        }
        if (from != null && to != null && from > to) {
            throw new CeterisException("predictor '" + column + "': window " + scale.text(from) + (scale == TimeScale.DATE ? ".." : "-")
                    + scale.text(to) + " ends before it starts");
        }
    }

    /** Parses {@code COL}, {@code COL:FROM-TO} or {@code COL:FROM..TO} (periods or dates). */
    public static PredictorSpec parseMean(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new PredictorSpec(s, null, null, null);
        }
        String[] ends = window(s.substring(colon + 1), "--predictor '" + text + "'", "COL:FROM..TO, e.g. lnincome:1980..1988 or "
                + "signups:2026-01-05..2026-03-02");
        TimeScale scale = scale(ends[0], ends[1], "predictor '" + text + "'");
        return new PredictorSpec(s.substring(0, colon).strip(), scale.parse(ends[0], "predictor '" + text + "': time"),
                scale.parse(ends[1], "predictor '" + text + "': time"), null, scale);
    }

    /** Parses {@code COL@T} (a period or a date). */
    public static PredictorSpec parseSpecial(String text) {
        String s = text.strip();
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new CeterisException("--special '" + text + "': write it as COL@T, e.g. cigsale@1988 or signups@2026-03-02");
        }
        String t = s.substring(at + 1).strip();
        TimeScale scale = TimeScale.of(t);
        return new PredictorSpec(s.substring(0, at).strip(), null, null, scale.parse(t, "predictor '" + text + "': time"), scale);
    }

    /**
     * The two ends of a window written {@code FROM..TO}, or {@code FROM-TO} for period numbers (a
     * leading minus sign belongs to the first number). {@code what} and {@code example} name it in errors.
     */
    public static String[] window(String text, String what, String example) {
        String w = text.strip();
        int dots = w.indexOf("..");
        if (dots >= 0) {
            return new String[] {w.substring(0, dots).strip(), w.substring(dots + 2).strip()};
        }
        int dash = w.indexOf('-', 1);
        if (dash < 0 || TimeScale.of(w.substring(0, dash).strip() + "-1-1") == TimeScale.DATE && w.indexOf('-', dash + 1) >= 0) {
            throw new CeterisException(what + ": write the window as " + example);
        }
        return new String[] {w.substring(0, dash).strip(), w.substring(dash + 1).strip()};
    }

    /** The scale both ends of a window are written in; an error when one is a date and the other not. */
    public static TimeScale scale(String from, String to, String what) {
        TimeScale a = TimeScale.of(from);
        if (a != TimeScale.of(to)) {
            throw new CeterisException(what + ": one end of the window is a date and the other is not; give both as " + TimeScale.DATE.kind()
                    + " or both as period numbers");
        }
        return a;
    }

    /** True for a value at one time. */
    public boolean special() {
        return at != null;
    }

    /** The name in output: {@code COL}, {@code COL:FROM-TO} (dates: {@code COL:FROM..TO}) when a window is given, {@code COL@T} for a special. */
    public String label() {
        if (at != null) {
            return column + "@" + scale.text(at);
        }
        return from == null && to == null ? column : column + ":" + (from == null ? "" : scale.text(from))
                + (scale == TimeScale.DATE ? ".." : "-") + (to == null ? "" : scale.text(to));
    }

    /** A time as text: 1989 rather than 1989.0. */
    public static String label(double t) {
        return fmt(t);
    }

    static String fmt(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : String.valueOf(t).toLowerCase(Locale.ROOT);
    }
}
