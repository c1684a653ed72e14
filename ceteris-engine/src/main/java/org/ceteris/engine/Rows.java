package org.ceteris.engine;

import java.util.List;

/** A small query result: column names, engine type names and rows of JDBC values. */
public record Rows(List<String> columns, List<String> types, List<List<Object>> rows) {

    public Rows {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    public int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return i;
    }

    public Object get(int row, String column) {
        return rows.get(row).get(index(column));
    }

    /** A numeric value as a double; SQL NULL becomes NaN. */
    public double getDouble(int row, String column) {
        Object v = get(row, column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    public long getLong(int row, String column) {
        Object v = get(row, column);
        return v == null ? 0L : ((Number) v).longValue();
    }

    /** As {@link #getDouble(int, String)} with the column's {@link #index}, for loops over many rows. */
    public double getDouble(int row, int column) {
        Object v = rows.get(row).get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** As {@link #getLong(int, String)} with the column's {@link #index}. */
    public long getLong(int row, int column) {
        Object v = rows.get(row).get(column);
        return v == null ? 0L : ((Number) v).longValue();
    }

    public String getString(int row, String column) {
        Object v = get(row, column);
        return v == null ? null : v.toString();
    }
}
