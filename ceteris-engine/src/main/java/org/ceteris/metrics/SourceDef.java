package org.ceteris.metrics;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Source;

/**
 * A named log in {@code sources:} of ceteris.yaml: exactly one of {@code data:} (a CSV or Parquet
 * file relative to the workspace, or a URI), {@code table:} (a table of the engine) or {@code sql:}
 * (a query on the engine).
 */
public record SourceDef(String name, String data, String table, String sql) {

    public SourceDef {
        Identifiers.requireName(name, "source");
        int given = (data == null ? 0 : 1) + (table == null ? 0 : 1) + (sql == null ? 0 : 1);
        if (given != 1) {
            throw new CeterisException("source '" + name + "': give exactly one of data: FILE, table: NAME or sql: SELECT …");
        }
        if (table != null) {
            Identifiers.requireName(table, "table");
        }
    }

    /** From a YAML mapping. */
    static SourceDef of(String name, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new CeterisException("source '" + name + "' must be a mapping such as {data: FILE}, {table: NAME} or {sql: SELECT …}");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        for (String k : m.keySet()) {
            if (!k.equals("data") && !k.equals("table") && !k.equals("sql")) {
                throw new CeterisException("source '" + name + "': unknown setting '" + k + "'; a source takes data, table or sql");
            }
        }
        return new SourceDef(name, text(m, "data", name), text(m, "table", name), text(m, "sql", name));
    }

    private static String text(Map<String, Object> m, String key, String name) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Collection || v.toString().isBlank()) {
            throw new CeterisException("source '" + name + "': '" + key + "' takes one non-empty value");
        }
        return v.toString();
    }

    /** Where the engine reads it; {@code data:} resolves against the workspace folder {@code base}. */
    public Source source(Engine engine, Path base) {
        if (data != null) {
            return engine.file(data.contains("://") ? data : base.resolve(data).toString());
        }
        return table != null ? new Source.Table(table) : new Source.Query(sql);
    }

    /** How the source reads in listings. */
    public String describe() {
        return data != null ? "data: " + data : table != null ? "table: " + table : "sql: " + sql;
    }
}
