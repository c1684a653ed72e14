package org.ceteris.observational;

import java.util.Locale;
import org.ceteris.CeterisException;

/** Whose average effect: the treated units' (ATT) or everyone's (ATE). */
public enum Estimand {
    ATT, ATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Estimand parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CeterisException("--estimand must be att or ate, got '" + s + "'");
        }
    }
}
