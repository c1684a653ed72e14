package org.ceteris.dag;

import java.util.Locale;
import org.ceteris.CeterisException;

/** Which effect of the exposure on the outcome: total (all causal paths) or direct (the edge alone). */
public enum Effect {
    TOTAL, DIRECT;

    public static Effect parse(String s) {
        switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "total":
                return TOTAL;
            case "direct":
                return DIRECT;
            default:
                throw new CeterisException("unknown effect '" + s + "': use total or direct");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
