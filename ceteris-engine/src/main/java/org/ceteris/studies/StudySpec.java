package org.ceteris.studies;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Source;

/**
 * One named study of a workspace: a method, where its data is ({@code table:} or {@code sql:},
 * or neither for methods that read no data) and the method's parameters in snake_case. The YAML of
 * {@code ceteris.yaml} and a REST body give the same record; {@link #run} hands it to the method.
 */
public record StudySpec(String name, String method, String table, String sql, Params params) {

    public StudySpec {
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
        if (params == null) {
            params = new Params("study '" + name + "'", Map.of());
        }
    }

    /** A spec from one study's YAML/JSON mapping: {@code method}, {@code table} or {@code sql}, and parameters. */
    public static StudySpec of(String name, Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>(raw == null ? Map.of() : raw);
        Object method = values.remove("method");
        Object table = values.remove("table");
        Object sql = values.remove("sql");
        for (Object o : new Object[] {method, table, sql}) {
            if (o instanceof Map || o instanceof java.util.Collection) {
                throw new CeterisException("study '" + name + "': 'method', 'table' and 'sql' take a single value");
            }
        }
        StudySpec probe = new StudySpec(name, method == null ? null : method.toString(), null, null, null);
        StudyMethod m = probe.studyMethod();
        // `method:` names the study's method, so a method's own --method flag (observe's match|ipw|…,
        // synth's classic|augmented, sequential's cs|msprt) is written `estimator:` in a study.
        if (m.parameters().contains("method") && !m.parameters().contains("estimator") && values.containsKey("estimator")) {
            values.put("method", values.remove("estimator"));
        }
        StudySpec spec = new StudySpec(name, probe.method(),
                table == null ? null : table.toString(), sql == null ? null : sql.toString(),
                new Params("study '" + name + "'", values));
        spec.params().requireOnly(m.parameters());
        return spec;
    }

    /** The registered method; fails with the list of known methods. */
    public StudyMethod studyMethod() {
        try {
            return StudyMethods.get(method);
        } catch (CeterisException e) {
            throw new CeterisException("study '" + name + "': " + e.getMessage());
        }
    }

    /** Where the data is read from, or null when the study names neither a table nor a query. */
    public Source source() {
        if (table != null) {
            return new Source.Table(table);
        }
        return sql == null ? null : new Source.Query(sql);
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
        params.asMap().forEach((k, v) -> m.put(k.equals("method") ? "estimator" : k, v));
        return m;
    }
}
