package org.ceteris.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/**
 * The span of a metric relative to a unit's first exposure: {@code Ad-Bd} counts events with time in
 * [first exposure + A days, first exposure + B days); {@code all} (the default) from the first exposure
 * to the end of the data, so it never leaves a unit out as incomplete.
 *
 * @param startDays A, 0 for {@code all}
 * @param endDays   B, or null for {@code all} (no end)
 */
public record Window(int startDays, Integer endDays) {

    public static final Window ALL = new Window(0, null);

    private static final Pattern SPAN = Pattern.compile("(\\d{1,5})d-(\\d{1,5})d");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    public Window {
        if (startDays < 0 || endDays != null && endDays <= startDays) {
            throw new CeterisException("window must end after it starts, got " + startDays + "d-" + endDays + "d");
        }
    }

    /** {@code all}, or {@code Ad-Bd} with whole days A &lt; B; null means {@code all}. */
    public static Window parse(String text, String what) {
        if (text == null || text.strip().equals("all")) {
            return ALL;
        }
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            throw new CeterisException(what + ": malformed window '" + text + "'; write Ad-Bd in whole days, e.g. 0d-7d, or all");
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (b <= a) {
            throw new CeterisException(what + ": window '" + text + "' ends before it starts; write Ad-Bd with A < B, e.g. 0d-7d");
        }
        return new Window(a, b);
    }

    /** A number of whole days written {@code Nd} (CUPED's pre-period), at least one day. */
    public static int days(String text, String what) {
        Matcher m = DAYS.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new CeterisException(what + ": malformed period '" + text + "'; write whole days, e.g. 14d");
        }
        return Integer.parseInt(m.group(1));
    }

    public boolean isAll() {
        return endDays == null;
    }

    @Override
    public String toString() {
        return isAll() ? "all" : startDays + "d-" + endDays + "d";
    }
}
