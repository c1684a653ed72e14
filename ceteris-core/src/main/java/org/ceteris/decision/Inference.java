package org.ceteris.decision;

import java.util.Locale;
import org.ceteris.CeterisException;

/** The engine that reads a comparison: the frequentist scorecard (default) or gbstats-style Bayesian posteriors. */
public enum Inference {
    FREQUENTIST, BAYESIAN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Inference parse(String text) {
        String s = text == null ? "frequentist" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "frequentist" -> FREQUENTIST;
            case "bayesian" -> BAYESIAN;
            default -> throw new CeterisException("unknown inference '" + text + "': use frequentist or bayesian");
        };
    }
}
