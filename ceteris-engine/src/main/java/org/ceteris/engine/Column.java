package org.ceteris.engine;

import java.util.Locale;
import java.util.Set;

/** A column of a source: its name and the engine's type name. */
public record Column(String name, String type) {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "REAL", "BOOLEAN",
            "INT", "INT2", "INT4", "INT8", "FLOAT4", "FLOAT8", "NUMERIC", "LONG", "SHORT", "BYTE");

    /** True when values can be used as numbers (booleans count as 0/1). */
    public boolean numeric() {
        String t = type.toUpperCase(Locale.ROOT);
        return NUMERIC.contains(t) || t.startsWith("DECIMAL") || t.startsWith("NUMERIC");
    }

    /** True for a DATE or TIMESTAMP column (with or without time zone, in DuckDB's and Spark's spelling). */
    public boolean temporal() {
        String t = type.toUpperCase(Locale.ROOT);
        return t.equals("DATE") || t.startsWith("TIMESTAMP");
    }
}
