package org.ceteris.metrics;

import java.util.Map;

/**
 * One entry of {@code metrics:} in ceteris.yaml, checked: an event metric computed per unit from one
 * source, or a ratio of two event metrics. {@code definition} is the YAML entry as written (it goes
 * into every result); {@code better} is {@code higher} or {@code lower}.
 */
public sealed interface MetricDef {

    String name();

    String better();

    Map<String, Object> definition();

    /**
     * A per-unit metric over the events of {@code source} in {@code window} after the unit's first
     * exposure.
     *
     * @param value  the column aggregated, null for count, exists and absent
     * @param filter a SQL predicate on the source's columns, or null
     * @param cap    winsorisation of the per-unit values, or null
     * @param quantile the level Q when the metric is a Q-quantile ({@code quantile: Q}), null when it is a mean
     * @param perEvent with a quantile: true when it is the quantile of the events' values ({@code quantile_level: event};
     *                 the per-unit table then holds each unit's number of such events), false when it is the
     *                 quantile of the per-unit values
     */
    record Event(String name, String source, String unit, String time, String value, Aggregate aggregate, Window window,
                 String filter, Cap cap, String better, Map<String, Object> definition, Double quantile, boolean perEvent)
            implements MetricDef {
        public Event {
            definition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definition));
        }
    }

    /** ΣA/ΣB per arm over two event metrics, each over its own window (delta method, as {@code ab --ratio}). */
    record Ratio(String name, String numerator, String denominator, String better, Map<String, Object> definition)
            implements MetricDef {
        public Ratio {
            definition = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definition));
        }
    }
}
