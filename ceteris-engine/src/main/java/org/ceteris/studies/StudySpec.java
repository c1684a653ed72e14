package org.ceteris.studies;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Source;

/**
 * One named study of a workspace: a method, where its data is and the method's parameters in
 * snake_case. The data is {@code table:} (a table of the engine: the workspace's DuckDB, or
 * Spark's catalog), {@code sql:} (a query on the engine), {@code data:} (a CSV or Parquet file, or
 * with Spark a folder or URI; relative to the workspace folder) optionally with {@code sql:} over
 * it as the view {@code data}, or nothing for methods that read no data. The YAML of
 * {@code ceteris.yaml} and a REST body give the same record.
 */
public record StudySpec(String name, String method, String table, String sql, String data, Params params, Labels labels) {

    /**
     * How a dashboard presents the study, not how it is computed: {@code question:} (the question the
     * study answers, its title for stakeholders) and {@code better:} ({@code higher} or {@code lower}:
     * which way of the headline number is good). Both optional.
     */
    public record Labels(String question, String better) {
        public static final Labels NONE = new Labels(null, null);

        public Labels {
            if (better != null && !better.equals("higher") && !better.equals("lower")) {
                throw new CeterisException("'better' takes higher or lower, got '" + better + "'");
            }
            if (question != null && question.isBlank()) {
                question = null;
            }
        }
    }

    public StudySpec(String name, String method, String table, String sql, String data, Params params) {
        this(name, method, table, sql, data, params, Labels.NONE);
    }

    public StudySpec {
        labels = labels == null ? Labels.NONE : labels;
        Identifiers.requireName(name, "study name");
        if (method == null || method.isBlank()) {
            throw new CeterisException("study '" + name + "': missing 'method' (one of " + String.join(", ", StudyMethods.names()) + ")");
        }
        if (table != null && sql != null) {
            throw new CeterisException("study '" + name + "': give 'table' or 'sql', not both");
        }
        if (table != null) {
            Identifiers.requireName(table, "table");
        }
        if (data != null && table != null) {
            throw new CeterisException("study '" + name + "': give 'data' or 'table', not both ('sql' may query 'data' as the view data)");
        }
        if (data != null && data.isBlank()) {
            throw new CeterisException("study '" + name + "': 'data' is empty: give the path of a CSV or Parquet file");
        }
        if (params == null) {
            params = new Params("study '" + name + "'", Map.of());
        }
    }

    /** A spec from one study's YAML/JSON mapping: {@code method}, {@code table}, {@code sql}, {@code data}, and parameters. */
    public static StudySpec of(String name, Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>(raw == null ? Map.of() : raw);
        Object method = values.remove("method");
        Object table = values.remove("table");
        Object sql = values.remove("sql");
        Object data = values.remove("data");
        for (Object o : new Object[] {method, table, sql, data}) {
            if (o instanceof Map || o instanceof java.util.Collection) {
                throw new CeterisException("study '" + name + "': 'method', 'table', 'sql' and 'data' take a single value");
            }
        }
        StudySpec probe = new StudySpec(name, method == null ? null : method.toString(), null, null, null, null);
        StudyMethod m = probe.studyMethod();
        // `method:` names the study's method, so a method's own --method flag (observe's match|ipw|…,
        // synth's classic|augmented, sequential's cs|msprt) is written `estimator:` in a study.
        if (m.parameters().contains("method") && !m.parameters().contains("estimator") && values.containsKey("estimator")) {
            values.put("method", values.remove("estimator"));
        }
        Labels labels;
        try {
            labels = new Labels(label(values, m, "question"), label(values, m, "better"));
        } catch (CeterisException e) {
            throw new CeterisException("study '" + name + "': " + e.getMessage());
        }
        StudySpec spec = new StudySpec(name, probe.method(),
                table == null ? null : table.toString(), sql == null ? null : sql.toString(),
                data == null ? null : data.toString(), new Params("study '" + name + "'", values), labels);
        spec.params().requireOnly(m.parameters());
        return spec;
    }

    /** Takes a presentation key out of the parameters, unless the method itself has a parameter of that name. */
    private static String label(Map<String, Object> values, StudyMethod m, String key) {
        if (m.parameters().contains(key) || !values.containsKey(key)) {
            return m.parameters().contains(key) && values.get(key) != null ? values.get(key).toString() : null;
        }
        Object v = values.remove(key);
        if (v instanceof Map || v instanceof java.util.Collection) {
            throw new CeterisException("'" + key + "' takes a single value");
        }
        return v == null ? null : v.toString();
    }

    /** The registered method; fails with the list of known methods. */
    public StudyMethod studyMethod() {
        try {
            return StudyMethods.get(method);
        } catch (CeterisException e) {
            throw new CeterisException("study '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Where the data is read from, or null when the study names no data; for a study with
     * {@code data:} use {@link #source(Engine, Path)}, which knows the engine and the workspace folder.
     */
    public Source source() {
        if (data != null) {
            throw new IllegalStateException("study '" + name + "' reads a file: use source(engine, workspaceDir)");
        }
        if (table != null) {
            return new Source.Table(table);
        }
        return sql == null ? null : new Source.Query(sql);
    }

    /**
     * Where the data is read from on {@code engine}: a {@code data:} path resolves against
     * {@code base} (a URI such as {@code s3a://…} is kept), and with {@code sql:} the file becomes
     * the engine's view {@code data} for the query. Null when the study names no data.
     */
    public Source source(Engine engine, Path base) {
        if (data == null) {
            return source();
        }
        Source file = engine.file(data.contains("://") ? data : base.resolve(data).toString());
        if (sql == null) {
            return file;
        }
        engine.createView("data", file);
        return new Source.Query(sql);
    }

    /** The spec as stored with each run and shown by the API: method, table/sql, then parameters. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        if (table != null) {
            m.put("table", table);
        }
        if (sql != null) {
            m.put("sql", sql);
        }
        if (data != null) {
            m.put("data", data);
        }
        params.asMap().forEach((k, v) -> m.put(k.equals("method") ? "estimator" : k, v));
        if (labels.question() != null) {
            m.putIfAbsent("question", labels.question());
        }
        if (labels.better() != null) {
            m.putIfAbsent("better", labels.better());
        }
        return m;
    }
}
