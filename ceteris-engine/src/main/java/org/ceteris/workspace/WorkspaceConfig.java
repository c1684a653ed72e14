package org.ceteris.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engines;
import org.ceteris.live.LiveConfig;
import org.ceteris.live.StudyLoop;
import org.ceteris.metrics.MetricCatalog;
import org.ceteris.metrics.MetricStudies;
import org.ceteris.studies.StudySpec;

/**
 * The parsed {@code ceteris.yaml}: where the studies read their data and the named studies, in file order.
 * <pre>
 * engine: spark            # optional: duckdb (default) or spark
 * spark_master: local[2]   # optional, with engine: spark
 * studies:
 *   home_row:
 *     method: ab
 *     table: home_row
 *     variant: variant
 *     metric: [watch_minutes, returned]
 * </pre>
 * Any mistake (bad YAML, an unknown top-level setting, unknown method, unknown parameter) is one line
 * naming the file and line.
 */
public record WorkspaceConfig(List<StudySpec> studies, StudyEngine engine, LiveConfig live, MetricCatalog catalog) {

    /** The settings the top level takes; anything else is most likely a typo that would go unnoticed. */
    private static final List<String> TOP_LEVEL = List.of("version", "engine", "spark_master", "timezone", "alerts", "sources",
            "metrics", "studies");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public WorkspaceConfig {
        studies = List.copyOf(studies);
        engine = engine == null ? StudyEngine.DUCKDB : engine;
        live = live == null ? LiveConfig.NONE : live;
        catalog = catalog == null ? MetricCatalog.EMPTY : catalog;
    }

    /** Studies with no live loop and no metric definitions. */
    public WorkspaceConfig(List<StudySpec> studies, StudyEngine engine) {
        this(studies, engine, LiveConfig.NONE, MetricCatalog.EMPTY);
    }

    /** Studies read from the workspace's DuckDB database. */
    public WorkspaceConfig(List<StudySpec> studies) {
        this(studies, StudyEngine.DUCKDB);
    }

    /** Reads and checks a workspace's config file. */
    public static WorkspaceConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CeterisException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Parses config text; {@code where} names the file in messages. */
    public static WorkspaceConfig parse(String text, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            msg = msg.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("invalid YAML");
            throw new CeterisException(where + (line > 0 ? ", line " + line : "") + ": invalid YAML: " + msg, e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new WorkspaceConfig(List.of());
        }
        if (!root.isObject()) {
            throw new CeterisException(where + ", line 1: expected a mapping with 'studies:' at the top level");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new CeterisException(where + ", line " + lineOf(text, key) + ": unknown setting '" + key
                        + "' at the top level; it takes " + String.join(", ", TOP_LEVEL.subList(0, TOP_LEVEL.size() - 1))
                        + " and " + TOP_LEVEL.get(TOP_LEVEL.size() - 1) + " (study parameters go under studies: NAME:)");
            }
        }
        StudyEngine engine = engine(root, text, where);
        MetricCatalog catalog = catalog(root, text, where);
        Map<String, StudyLoop> loops = new LinkedHashMap<>();
        JsonNode studies = root.get("studies");
        if (studies == null || studies.isNull()) {
            return new WorkspaceConfig(List.of(), engine, live(root, loops, text, where), catalog);
        }
        if (!studies.isObject()) {
            throw new CeterisException(where + ", line " + lineOf(text, "studies") + ": 'studies' must be a mapping of study name to settings");
        }
        List<StudySpec> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = studies.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            try {
                if (!e.getValue().isObject()) {
                    throw new CeterisException("study '" + name + "' must be a mapping with 'method:' and its parameters");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = YAML.convertValue(e.getValue(), LinkedHashMap.class);
                Object method = raw.get("method");
                StudyLoop loop = StudyLoop.take(name, method == null ? null : String.valueOf(method), raw);
                if (loop != null) {
                    loops.put(name, loop);
                }
                StudySpec spec = StudySpec.of(name, raw);
                if (MetricStudies.uses(spec)) {
                    MetricStudies.spec(spec, catalog);
                }
                out.add(spec);
            } catch (CeterisException ex) {
                throw new CeterisException(where + ", line " + lineOf(text, name) + ": " + ex.getMessage(), ex);
            }
        }
        return new WorkspaceConfig(out, engine, live(root, loops, text, where), catalog);
    }

    /** {@code timezone:}, {@code alerts:} and the studies' loops. */
    private static LiveConfig live(JsonNode root, Map<String, StudyLoop> loops, String text, String where) {
        Object alerts = root.has("alerts") ? YAML.convertValue(root.get("alerts"), Object.class) : null;
        String zone = scalar(root, "timezone", text, where);
        try {
            return LiveConfig.of(loops, alerts, zone);
        } catch (CeterisException e) {
            throw new CeterisException(where + ", line " + lineOf(text, zone != null && e.getMessage().startsWith("timezone") ? "timezone" : "alerts")
                    + ": " + e.getMessage(), e);
        }
    }

    /** The live-loop settings of a study, or null when it has none. */
    public StudyLoop loop(String study) {
        return live.study(study);
    }

    /** {@code sources:} and {@code metrics:}, checked together; an error names the line of the entry at fault. */
    @SuppressWarnings("unchecked")
    private static MetricCatalog catalog(JsonNode root, String text, String where) {
        Map<String, Object> sources = root.has("sources") ? YAML.convertValue(root.get("sources"), LinkedHashMap.class) : null;
        Map<String, Object> metrics = root.has("metrics") ? YAML.convertValue(root.get("metrics"), LinkedHashMap.class) : null;
        try {
            return MetricCatalog.of(sources, metrics);
        } catch (CeterisException e) {
            String key = null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:metric|source) '([^']+)'").matcher(e.getMessage());
            if (m.find()) {
                key = m.group(1);
            }
            int line = key == null ? 1 : lineOf(text, key);
            throw new CeterisException(where + ", line " + line + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CeterisException(where + ": 'sources' and 'metrics' must be mappings of name to settings", e);
        }
    }

    /** {@code engine:} and {@code spark_master:}, both optional single values. */
    private static StudyEngine engine(JsonNode root, String text, String where) {
        String name = scalar(root, "engine", text, where);
        String master = scalar(root, "spark_master", text, where);
        try {
            return new StudyEngine(name == null ? StudyEngine.DUCKDB.name() : name, master);
        } catch (CeterisException e) {
            String key = name != null && !Engines.NAMES.contains(name) ? "engine" : "spark_master";
            throw new CeterisException(where + ", line " + lineOf(text, key) + ": " + e.getMessage(), e);
        }
    }

    private static String scalar(JsonNode root, String key, String text, String where) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new CeterisException(where + ", line " + lineOf(text, key) + ": '" + key + "' takes a single value");
        }
        return v.asText();
    }

    /** The study with this name; fails listing the names there are. */
    public StudySpec study(String name) {
        for (StudySpec s : studies) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new CeterisException("no study '" + name + "' in " + Workspace.CONFIG + (studies.isEmpty() ? " (it lists no studies)"
                : "; studies: " + String.join(", ", studies.stream().map(StudySpec::name).toList())));
    }

    /** 1-based line where {@code key:} first appears as a mapping key, for messages; 1 if not found. */
    private static int lineOf(String text, String key) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith(key + ":") || t.startsWith("\"" + key + "\":") || t.startsWith("'" + key + "':")) {
                return i + 1;
            }
        }
        return 1;
    }
}
