package org.ceteris.sequential;

import java.util.Locale;
import org.ceteris.CeterisException;

/** Which way is better for the metric: higher (watch minutes) or lower (churn, load time). */
public enum Direction {
    HIGHER, LOWER;

    /** +1 for HIGHER, −1 for LOWER: the sign of an improvement. */
    public int sign() {
        return this == HIGHER ? 1 : -1;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String text) {
        String s = text == null ? "higher" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "higher" -> HIGHER;
            case "lower" -> LOWER;
            default -> throw new CeterisException("unknown --direction '" + text + "': use higher or lower");
        };
    }
}
