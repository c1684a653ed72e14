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
            "cap", "better");

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
        Aggregate aggregate = Aggregate.parse(required(m, "aggregate", what), what);
        String value = optional(m, "value", what);
        if (aggregate.needsValue() && value == null) {
            throw new CeterisException(what + ": aggregate " + aggregate.label() + " needs 'value:' (the column to aggregate)");
        }
        String filter = optional(m, "filter", what);
        if (filter != null && filter.contains(";")) {
            throw new CeterisException(what + ": filter \"" + filter + "\" is not one SQL predicate (it contains ';')");
        }
        return new MetricDef.Event(name, source, required(m, "unit", what), required(m, "time", what), value, aggregate,
                Window.parse(optional(m, "window", what), what), filter, Cap.parse(m.get("cap"), what), better(m, what), m);
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
