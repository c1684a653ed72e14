package org.ceteris.studies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * A study's parameters as they come from {@code ceteris.yaml} or a REST body: the same names as the
 * method's CLI flags in snake_case ({@code --treatment-time} → {@code treatment_time}). Typed
 * getters turn a wrong or missing value into a one-line {@link CeterisException}.
 */
public final class Params {

    private final String context;
    private final Map<String, Object> values;

    public Params(String context, Map<String, ?> values) {
        this.context = context;
        this.values = new LinkedHashMap<>(values == null ? Map.of() : values);
    }

    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Fails on any key not in {@code known}, naming it (catches typos in YAML). */
    public Params requireOnly(Collection<String> known) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new CeterisException(context + ": unknown parameter '" + unknown.stream().sorted().findFirst().orElseThrow()
                    + "'; allowed: " + String.join(", ", known.stream().sorted().toList()));
        }
        return this;
    }

    public String string(String key) {
        String s = optString(key);
        if (s == null) {
            throw new CeterisException(context + ": missing parameter '" + key + "'");
        }
        return s;
    }

    public String optString(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Collection) {
            throw new CeterisException(context + ": parameter '" + key + "' must be a single value");
        }
        return v.toString();
    }

    public String stringOr(String key, String fallback) {
        String s = optString(key);
        return s == null ? fallback : s;
    }

    public double doubleOr(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new CeterisException(context + ": parameter '" + key + "' must be a number, got '" + v + "'");
        }
    }

    public long longOr(String key, long fallback) {
        double d = doubleOr(key, fallback);
        if (d != Math.rint(d)) {
            throw new CeterisException(context + ": parameter '" + key + "' must be a whole number, got " + d);
        }
        return (long) d;
    }

    public boolean flag(String key) {
        Object v = values.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("yes")) {
            return true;
        }
        if (s.equals("false") || s.equals("no")) {
            return false;
        }
        throw new CeterisException(context + ": parameter '" + key + "' must be true or false, got '" + v + "'");
    }

    /** A list parameter; a single value is a list of one, a comma-separated string is split. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        if (v instanceof Map) {
            throw new CeterisException(context + ": parameter '" + key + "' must be a list");
        }
        for (String s : v.toString().split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A map parameter such as {@code split: {control: 0.5, B: 0.5}}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw new CeterisException(context + ": parameter '" + key + "' must be a mapping");
        }
        return (Map<String, Object>) v;
    }
}
