package org.ceteris.assignment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Condition;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.assign.NamespaceRange;

/**
 * Reads an assignment config (YAML) into {@link AssignConfig}:
 * <pre>
 * namespaces:
 *   homepage: {}
 * experiments:
 *   - key: row-ranking
 *     variations: [control, personalised]
 *     weights: [0.5, 0.5]
 *     coverage: 1.0
 *     namespace: [homepage, 0.0, 0.5]
 *     hash_version: 2
 *     seed: row-ranking
 *     condition: {country: {$in: [US, CA]}}
 *     forced: {qa-user-1: personalised}
 *     ranges: [[0.0, 0.5], [0.5, 1.0]]   # optional: explicit bucket ranges (written by demotions)
 * </pre>
 * Duplicate keys anywhere in the file, unknown fields and wrong types are one-line errors naming
 * the file and the experiment.
 */
public final class AssignConfigYaml {

    private static final Set<String> TOP = Set.of("namespaces", "experiments");
    private static final Set<String> FIELDS = Set.of("key", "variations", "weights", "coverage", "namespace",
            "hash_version", "seed", "condition", "forced", "ranges");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private AssignConfigYaml() {
    }

    public static AssignConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CeterisException("config file not found: " + file);
        }
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new CeterisException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    /** Parses config text; {@code name} names it in messages. */
    public static AssignConfig parse(String text, String name) {
        Object root;
        try {
            root = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            if (msg != null && msg.startsWith("Duplicate field")) {
                throw new CeterisException("config " + name + ": duplicate key "
                        + msg.substring("Duplicate field ".length()) + where + "; each key may appear once");
            }
            throw new CeterisException("config " + name + " is not valid YAML" + where + ": " + msg);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new CeterisException("config " + name + ": expected a mapping with 'namespaces' and 'experiments'");
        }
        for (Object k : top.keySet()) {
            if (!TOP.contains(String.valueOf(k))) {
                throw new CeterisException("config " + name + ": unknown top-level key '" + k + "'; allowed: experiments, namespaces");
            }
        }
        List<String> namespaces = new ArrayList<>();
        Object ns = top.get("namespaces");
        if (ns instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> namespaces.add(String.valueOf(k)));
        } else if (ns instanceof List<?> l) {
            l.forEach(k -> namespaces.add(String.valueOf(k)));
        } else if (ns != null) {
            throw new CeterisException("config " + name + ": 'namespaces' must be a mapping such as {homepage: {}}");
        }
        Object ex = top.get("experiments");
        if (!(ex instanceof List<?> list)) {
            throw new CeterisException("config " + name + ": 'experiments' must be a list of experiments");
        }
        List<ExperimentConfig> experiments = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            experiments.add(experiment(list.get(i), name, i + 1));
        }
        try {
            return new AssignConfig(namespaces, experiments);
        } catch (CeterisException e) {
            throw new CeterisException("config " + name + ": " + e.getMessage());
        }
    }

    private static ExperimentConfig experiment(Object o, String name, int position) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new CeterisException("config " + name + ": experiment #" + position + " must be a mapping");
        }
        String key = m.get("key") == null ? null : String.valueOf(m.get("key"));
        String where = "config " + name + ": experiment " + (key == null ? "#" + position : "'" + key + "'");
        for (Object k : m.keySet()) {
            if (!FIELDS.contains(String.valueOf(k))) {
                throw new CeterisException(where + ": unknown field '" + k + "'; allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        try {
            List<String> variations = strings(m.get("variations"), "variations");
            List<Double> weights = m.get("weights") == null ? null : numbers(m.get("weights"), "weights");
            double coverage = m.get("coverage") == null ? 1.0 : number(m.get("coverage"), "coverage");
            int hashVersion = m.get("hash_version") == null ? 1 : (int) whole(m.get("hash_version"), "hash_version");
            String seed = m.get("seed") == null ? null : String.valueOf(m.get("seed"));
            Condition condition = null;
            if (m.get("condition") != null) {
                if (!(m.get("condition") instanceof Map<?, ?> c)) {
                    throw new CeterisException("condition must be a mapping such as {country: {$in: [US, CA]}}");
                }
                condition = new Condition(castMap(c));
            }
            Map<String, String> forced = new LinkedHashMap<>();
            if (m.get("forced") instanceof Map<?, ?> f) {
                f.forEach((u, v) -> forced.put(String.valueOf(u), String.valueOf(v)));
            } else if (m.get("forced") != null) {
                throw new CeterisException("forced must be a mapping of unit id to variation");
            }
            return new ExperimentConfig(key, variations, weights, coverage, namespace(m.get("namespace")),
                    hashVersion, seed, condition, forced, ranges(m.get("ranges")));
        } catch (CeterisException e) {
            String msg = e.getMessage();
            throw new CeterisException(msg.startsWith("experiment '") ? "config " + name + ": " + msg : where + ": " + msg);
        }
    }

    private static List<List<Double>> ranges(Object o) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof List<?> l)) {
            throw new CeterisException("ranges must be a list of [start, end], one per variation");
        }
        List<List<Double>> out = new ArrayList<>();
        for (Object r : l) {
            List<Double> pair = numbers(r, "ranges");
            if (pair.size() != 2) {
                throw new CeterisException("each range must be [start, end], got " + r);
            }
            out.add(pair);
        }
        return out;
    }

    /**
     * The config as YAML that {@link #parse} reads back to an equal config (and the GrowthBook SDKs
     * read as experiments): one experiment per entry, every field written out.
     */
    public static String write(AssignConfig config) {
        Map<String, Object> top = new LinkedHashMap<>();
        Map<String, Object> ns = new LinkedHashMap<>();
        config.namespaces().forEach(n -> ns.put(n, Map.of()));
        if (!ns.isEmpty()) {
            top.put("namespaces", ns);
        }
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (ExperimentConfig e : config.experiments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("variations", e.variations());
            m.put("weights", e.weights());
            m.put("coverage", e.coverage());
            if (e.namespace() != null) {
                m.put("namespace", List.of(e.namespace().namespace(), e.namespace().start(), e.namespace().end()));
            }
            m.put("hash_version", e.hashVersion());
            m.put("seed", e.seed());
            if (e.condition() != null) {
                m.put("condition", e.condition().tree());
            }
            if (!e.forced().isEmpty()) {
                m.put("forced", e.forced());
            }
            if (e.ranges() != null) {
                m.put("ranges", e.ranges());
            }
            experiments.add(m);
        }
        top.put("experiments", experiments);
        try {
            return YAML.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an assignment config", e);
        }
    }

    private static NamespaceRange namespace(Object o) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof List<?> l) || l.size() != 3) {
            throw new CeterisException("namespace must be [name, start, end], for example [homepage, 0.0, 0.5]");
        }
        return new NamespaceRange(String.valueOf(l.get(0)), number(l.get(1), "namespace start"),
                number(l.get(2), "namespace end"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static List<String> strings(Object o, String field) {
        if (!(o instanceof List<?> l)) {
            throw new CeterisException(field + " must be a list, for example [control, treatment]");
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            out.add(x == null ? null : String.valueOf(x));
        }
        return out;
    }

    private static List<Double> numbers(Object o, String field) {
        if (!(o instanceof List<?> l)) {
            throw new CeterisException(field + " must be a list of numbers, for example [0.5, 0.5]");
        }
        List<Double> out = new ArrayList<>();
        for (Object x : l) {
            out.add(number(x, field));
        }
        return out;
    }

    private static double number(Object o, String field) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            throw new CeterisException(field + " must be a number, got '" + o + "'");
        }
    }

    private static long whole(Object o, String field) {
        double d = number(o, field);
        if (d != Math.rint(d)) {
            throw new CeterisException(field + " must be a whole number, got " + o);
        }
        return (long) d;
    }
}
