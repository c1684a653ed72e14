package org.ceteris;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * How the times of a panel are written: period numbers (a year, a week number) or calendar dates.
 * Internally a date is its day number since 1970-01-01 (a double like any period), so estimators
 * compare and order times without knowing which kind they are; only parsing and output differ.
 * Dates are never subtracted: the periods of a dated panel are its distinct dates in order, whatever
 * the gaps between them.
 */
public enum TimeScale {
    /** Numbers as written: 1989, 12, 2.5. */
    NUMBER,
    /** ISO dates (YYYY-MM-DD), held as day numbers since 1970-01-01. */
    DATE;

    private static final Pattern DATE_LIKE = Pattern.compile("[+-]?\\d{4,}-\\d{1,2}-\\d{1,2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** DATE when the text is written like a date (YYYY-MM-DD), else NUMBER. */
    public static TimeScale of(String text) {
        return text != null && DATE_LIKE.matcher(text.strip()).matches() ? DATE : NUMBER;
    }

    /** The time written in {@code text} (a number, or a date for DATE); {@code what} names it in the error, e.g. "--treatment-time". */
    public double parse(String text, String what) {
        String s = text == null ? "" : text.strip();
        if (this == DATE) {
            try {
                return LocalDate.parse(s, ISO).toEpochDay();
            } catch (DateTimeException e) {
                throw new CeterisException(what + " '" + s + "' is not a date; use YYYY-MM-DD");
            }
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CeterisException(what + " '" + s + "' is not a time: give a period number (a year or week) or a date YYYY-MM-DD");
    }

    /** A time as a result shows it: 1989 (a Long) rather than 1989.0, or the ISO date "2026-03-02". */
    public Object label(double t) {
        if (this == DATE) {
            return LocalDate.ofEpochDay((long) Math.floor(t)).toString();
        }
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? (Object) Long.valueOf((long) t) : (Object) Double.valueOf(t);
    }

    /** A time as text: "1989" or "2026-03-02". */
    public String text(double t) {
        return this == NUMBER && !(t == Math.rint(t) && Math.abs(t) < 1e15) ? String.valueOf(t).toLowerCase(java.util.Locale.ROOT)
                : String.valueOf(label(t));
    }

    /** What a time of this scale is, for error messages: "a date (YYYY-MM-DD)" or "a period number". */
    public String kind() {
        return this == DATE ? "a date (YYYY-MM-DD)" : "a period number";
    }
}
