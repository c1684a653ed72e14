package org.ceteris.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * A study's {@code exposures:}: the source that logs who saw which variant when, its unit, variant
 * and time columns, and optionally the column naming the experiment with the value to keep (a log
 * shared by several experiments).
 */
public record ExposureDef(String source, String unit, String variant, String time, String experimentColumn, String experiment) {

    private static final Set<String> KEYS = Set.of("source", "unit", "variant", "time", "experiment_column", "experiment");

    public ExposureDef {
        if ((experimentColumn == null) != (experiment == null)) {
            throw new CeterisException("exposures: give experiment_column and experiment together (the column and the value to keep)");
        }
    }

    static ExposureDef of(Object raw, String context) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new CeterisException(context + ": 'exposures' must be a mapping {source: S, unit: COL, variant: COL, time: COL}");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new CeterisException(context + ": exposures: unknown setting '" + k + "'; it takes "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        return new ExposureDef(required(m, "source", context), required(m, "unit", context), required(m, "variant", context),
                required(m, "time", context), optional(m, "experiment_column", context), optional(m, "experiment", context));
    }

    private static String required(Map<?, ?> m, String key, String context) {
        String v = optional(m, key, context);
        if (v == null) {
            throw new CeterisException(context + ": exposures: missing '" + key + "'");
        }
        return v;
    }

    private static String optional(Map<?, ?> m, String key, String context) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Collection || v.toString().isBlank()) {
            throw new CeterisException(context + ": exposures: '" + key + "' takes one non-empty value");
        }
        return v.toString().strip();
    }
}
