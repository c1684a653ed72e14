package org.ceteris.metrics;

import java.util.Arrays;
import java.util.Locale;
import org.ceteris.CeterisException;

/** How a metric turns a unit's events in its window into one number; a unit with no events gets 0 ({@code absent}: 1). */
public enum Aggregate {
    /** Σ value. */
    SUM(true),
    /** The number of rows. */
    COUNT(false),
    /** The largest value. */
    MAX(true),
    /** The number of distinct values. */
    COUNT_DISTINCT(true),
    /** 1 when the unit has any event, else 0. */
    EXISTS(false),
    /** 1 when the unit has no event, else 0. */
    ABSENT(false);

    private final boolean needsValue;

    Aggregate(boolean needsValue) {
        this.needsValue = needsValue;
    }

    public boolean needsValue() {
        return needsValue;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Aggregate parse(String s, String what) {
        for (Aggregate a : values()) {
            if (a.label().equals(s)) {
                return a;
            }
        }
        throw new CeterisException(what + ": unknown aggregate '" + s + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(Aggregate::label).toList()));
    }
}
