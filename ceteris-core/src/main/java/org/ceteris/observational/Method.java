package org.ceteris.observational;

import java.util.Locale;
import org.ceteris.CeterisException;

/** The estimators of {@code ceteris observe}. */
public enum Method {
    MATCH, IPW, AIPW, REGRESSION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Method parse(String s) {
        if (s == null) {
            return MATCH;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CeterisException("--method must be match, ipw, aipw or regression, got '" + s + "'");
        }
    }
}
