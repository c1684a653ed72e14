package org.ceteris.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.engine.Identifiers;

/**
 * The {@code sources:} and {@code metrics:} of ceteris.yaml, checked together: every metric names a
 * known source, a well-formed window, aggregate and cap; a ratio names two event metrics (not ratios,
 * not itself). Columns and filters are checked when a study runs, against the data.
 */
public record MetricCatalog(Map<String, SourceDef> sources, Map<String, MetricDef> metrics) {

    public static final MetricCatalog EMPTY = new MetricCatalog(Map.of(), Map.of());

    private static final Set<String> EVENT_KEYS = Set.of("source", "unit", "time", "value", "aggregate", "window", "filter",
            "cap", "better", "quantile", "quantile_level");

    public MetricCatalog {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** From the YAML values of {@code sources:} and {@code metrics:} (either may be null). */
    public static MetricCatalog of(Object rawSources, Object rawMetrics) {
        Map<String, SourceDef> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : mapping(rawSources, "sources").entrySet()) {
            sources.put(e.getKey(), SourceDef.of(e.getKey(), e.getValue()));
        }
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : mapping(rawMetrics, "metrics").entrySet()) {
            Identifiers.requireName(e.getKey(), "metric");
            raw.put(e.getKey(), mapping(e.getValue(), "metric '" + e.getKey() + "'"));
        }
        Map<String, MetricDef> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : raw.entrySet()) {
            metrics.put(e.getKey(), e.getValue().containsKey("ratio") ? ratio(e.getKey(), e.getValue(), raw)
                    : event(e.getKey(), e.getValue(), sources));
        }
        return new MetricCatalog(sources, metrics);
    }

    /** The metric called {@code name}, or a one-line error listing the metrics there are. */
    public MetricDef metric(String name, String context) {
        MetricDef m = metrics.get(name);
        if (m == null) {
            throw new CeterisException(context + ": unknown metric '" + name + "'; "
                    + (metrics.isEmpty() ? "ceteris.yaml defines no metrics: add them under the top-level 'metrics:'"
                    : "the metrics are " + String.join(", ", metrics.keySet())));
        }
        return m;
    }

    /** The source called {@code name}, or a one-line error listing the sources there are. */
    public SourceDef source(String name, String context) {
        SourceDef s = sources.get(name);
        if (s == null) {
            throw new CeterisException(context + ": unknown source '" + name + "'; "
                    + (sources.isEmpty() ? "ceteris.yaml defines no sources: add them under the top-level 'sources:'"
                    : "the sources are " + String.join(", ", sources.keySet())));
        }
        return s;
    }

    private static MetricDef.Event event(String name, Map<String, Object> m, Map<String, SourceDef> sources) {
        String what = "metric '" + name + "'";
        for (String k : m.keySet()) {
            if (!EVENT_KEYS.contains(k)) {
                throw new CeterisException(what + ": unknown setting '" + k + "'; a metric takes "
                        + String.join(", ", EVENT_KEYS.stream().sorted().toList()) + " (or ratio: [A, B])");
            }
        }
        String source = required(m, "source", what);
        if (!sources.containsKey(source)) {
            throw new CeterisException(what + ": unknown source '" + source + "'; "
                    + (sources.isEmpty() ? "add it under the top-level 'sources:'" : "the sources are " + String.join(", ", sources.keySet())));
        }
        boolean perEvent = "event".equals(optional(m, "quantile_level", what)) && m.containsKey("quantile");
        String value = optional(m, "value", what);
        if (perEvent) {
            if (m.containsKey("aggregate")) {
                throw new CeterisException(what + ": quantile_level: event takes the quantile of 'value:' over the events themselves; "
                        + "drop 'aggregate:' (or use quantile_level: unit for the quantile of per-unit " + m.get("aggregate") + "s)");
            }
            if (value == null) {
                throw new CeterisException(what + ": quantile_level: event needs 'value:' (the column whose quantile over events is taken)");
            }
            if (m.containsKey("cap")) {
                throw new CeterisException(what + ": cap: winsorises per-unit values; a quantile of events needs none (drop 'cap:')");
            }
        }
        Aggregate aggregate = perEvent ? Aggregate.COUNT : Aggregate.parse(required(m, "aggregate", what), what);
        if (aggregate.needsValue() && value == null) {
            throw new CeterisException(what + ": aggregate " + aggregate.label() + " needs 'value:' (the column to aggregate)");
        }
        String filter = optional(m, "filter", what);
        if (filter != null && filter.contains(";")) {
            throw new CeterisException(what + ": filter \"" + filter + "\" is not one SQL predicate (it contains ';')");
        }
        return new MetricDef.Event(name, source, required(m, "unit", what), required(m, "time", what), value, aggregate,
                Window.parse(optional(m, "window", what), what), filter, Cap.parse(m.get("cap"), what), better(m, what), m,
                quantile(m, aggregate, what), perEvent);
    }

    /** {@code quantile: Q} (and {@code quantile_level: unit}), checked; null for a mean metric. */
    private static Double quantile(Map<String, Object> m, Aggregate aggregate, String what) {
        String text = optional(m, "quantile", what);
        String level = optional(m, "quantile_level", what);
        if (text == null) {
            if (level != null) {
                throw new CeterisException(what + ": quantile_level needs 'quantile: Q' (e.g. quantile: 0.9)");
            }
            return null;
        }
        double q;
        try {
            q = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CeterisException(what + ": quantile must be a number strictly between 0 and 1 (e.g. 0.5 or 0.9), got '" + text + "'");
        }
        if (!(q > 0 && q < 1)) {
            throw new CeterisException(what + ": quantile must be strictly between 0 and 1 (e.g. 0.5 or 0.9), got " + text);
        }
        if (aggregate == Aggregate.EXISTS || aggregate == Aggregate.ABSENT) {
            throw new CeterisException(what + ": quantile of aggregate " + aggregate.label() + " is meaningless (its per-unit value "
                    + "is 0 or 1, so every quantile is 0 or 1); drop 'quantile:' to get the proportion");
        }
        if (level != null && !level.equals("unit") && !level.equals("event")) {
            throw new CeterisException(what + ": quantile_level must be unit (the quantile of the per-unit values, the default) or event "
                    + "(the quantile of the events' values), got '" + level + "'");
        }
        return q;
    }

    private static MetricDef.Ratio ratio(String name, Map<String, Object> m, Map<String, Map<String, Object>> all) {
        String what = "metric '" + name + "'";
        for (String k : m.keySet()) {
            if (!k.equals("ratio") && !k.equals("better")) {
                throw new CeterisException(what + ": a ratio metric takes only 'ratio: [A, B]' and 'better', not '" + k + "'");
            }
        }
        if (!(m.get("ratio") instanceof List<?> parts) || parts.size() != 2) {
            throw new CeterisException(what + ": write ratio: [NUMERATOR, DENOMINATOR] with two metric names");
        }
        List<String> names = new ArrayList<>();
        for (Object p : parts) {
            String part = String.valueOf(p);
            if (part.equals(name) || cycles(part, name, all, new ArrayList<>())) {
                throw new CeterisException(what + ": ratio [" + parts.get(0) + ", " + parts.get(1) + "] refers back to "
                        + name + " (a cycle); a ratio's parts must be event metrics");
            }
            Map<String, Object> def = all.get(part);
            if (def == null) {
                throw new CeterisException(what + ": ratio names unknown metric '" + part + "'; the metrics are "
                        + String.join(", ", all.keySet()));
            }
            if (def.containsKey("quantile")) {
                throw new CeterisException(what + ": ratio names '" + part + "', a quantile metric; a ratio divides sums of "
                        + "per-unit values, so its parts must be mean metrics (drop 'quantile:' from " + part + " or define another metric)");
            }
            if (def.containsKey("ratio")) {
                throw new CeterisException(what + ": ratio names '" + part + "', itself a ratio; a ratio's parts must be event metrics");
            }
            names.add(part);
        }
        return new MetricDef.Ratio(name, names.get(0), names.get(1), better(m, what), m);
    }

    /** True when following ratio parts from {@code from} leads back to {@code target}. */
    private static boolean cycles(String from, String target, Map<String, Map<String, Object>> all, List<String> seen) {
        Map<String, Object> def = all.get(from);
        if (def == null || !(def.get("ratio") instanceof List<?> parts) || seen.contains(from)) {
            return false;
        }
        seen.add(from);
        for (Object p : parts) {
            if (String.valueOf(p).equals(target) || cycles(String.valueOf(p), target, all, seen)) {
                return true;
            }
        }
        return false;
    }

    private static String better(Map<String, Object> m, String what) {
        String b = optional(m, "better", what);
        if (b == null) {
            return "higher";
        }
        if (!b.equals("higher") && !b.equals("lower")) {
            throw new CeterisException(what + ": better must be higher or lower, got '" + b + "'");
        }
        return b;
    }

    private static String required(Map<String, Object> m, String key, String what) {
        String v = optional(m, key, what);
        if (v == null) {
            throw new CeterisException(what + ": missing '" + key + "'");
        }
        return v;
    }

    private static String optional(Map<String, Object> m, String key, String what) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Collection) {
            throw new CeterisException(what + ": '" + key + "' takes a single value");
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            throw new CeterisException(what + ": '" + key + "' is empty");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object raw, String what) {
        if (raw == null) {
            return new LinkedHashMap<>();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new CeterisException("'" + what + "' must be a mapping of name to settings");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
