package org.ceteris.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query result as primitive columns, for panels and unit-level data: integer and boolean columns
 * as {@code long[]}, other numbers as {@code double[]}, everything else as text codes into a
 * dictionary of the distinct values. A cell costs its 8 bytes (4 for text), not a boxed object in a
 * row list. SQL NULL is NaN in a double column, 0 in an integer column and code −1 in a text column.
 */
public final class Columns {

    /** A text column: per row a code into {@code levels} (in order of first appearance), −1 for NULL. */
    public record Text(int[] codes, List<String> levels) {
        public String get(int row) {
            int c = codes[row];
            return c < 0 ? null : levels.get(c);
        }
    }

    private final int size;
    private final Map<String, Object> columns;

    private Columns(int size, Map<String, Object> columns) {
        this.size = size;
        this.columns = columns;
    }

    public int size() {
        return size;
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** A numeric column as doubles (an integer column converted; NULL is NaN). */
    public double[] doubles(String name) {
        Object c = column(name);
        if (c instanceof double[] d) {
            return d;
        }
        if (c instanceof long[] l) {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = l[i];
            }
            return out;
        }
        throw new IllegalArgumentException("column " + name + " is text, not numeric");
    }

    /** An integer column (NULL is 0). */
    public long[] longs(String name) {
        Object c = column(name);
        if (c instanceof long[] l) {
            return l;
        }
        throw new IllegalArgumentException("column " + name + " is not an integer column");
    }

    /** A text column (other types are held by type, so ask for them by type). */
    public Text text(String name) {
        Object c = column(name);
        if (c instanceof Text t) {
            return t;
        }
        throw new IllegalArgumentException("column " + name + " is numeric, not text");
    }

    private Object column(String name) {
        Object c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in " + columns.keySet());
        }
        return c;
    }

    /** Which primitive a column of the engine's type {@code type} is held as. */
    public enum Kind {
        LONG, DOUBLE, TEXT;

        public static Kind of(String type) {
            String t = type.toUpperCase(Locale.ROOT);
            if (t.equals("BOOLEAN") || t.equals("TINYINT") || t.equals("SMALLINT") || t.equals("INTEGER") || t.equals("BIGINT")
                    || t.equals("UTINYINT") || t.equals("USMALLINT") || t.equals("UINTEGER") || t.equals("INT")) {
                return LONG;
            }
            return new Column("", type).numeric() ? DOUBLE : TEXT;
        }
    }

    /** Fills columns row by row; arrays grow by doubling, and are trimmed once at the end. */
    public static final class Builder {
        private final List<String> names;
        private final Kind[] kinds;
        private final Object[] data;
        private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
        private int size;
        private int capacity;

        /** {@code expectedRows} sizes the columns at the start (an estimate: they grow or are trimmed as needed). */
        public Builder(List<String> names, List<Kind> kinds, long expectedRows) {
            this.names = List.copyOf(names);
            this.kinds = kinds.toArray(new Kind[0]);
            this.capacity = (int) Math.min(Math.max(16, expectedRows), Integer.MAX_VALUE - 8);
            this.data = new Object[this.kinds.length];
            for (int k = 0; k < this.kinds.length; k++) {
                data[k] = switch (this.kinds[k]) {
                    case LONG -> new long[capacity];
                    case DOUBLE -> new double[capacity];
                    case TEXT -> new int[capacity];
                };
                dictionaries.add(this.kinds[k] == Kind.TEXT ? new HashMap<>() : null);
            }
        }

        public Kind kind(int column) {
            return kinds[column];
        }

        /** Starts a new row; set every column of it before the next call. */
        public void next() {
            if (size == capacity) {
                capacity = Math.max(16, capacity * 2);
                for (int k = 0; k < data.length; k++) {
                    data[k] = switch (kinds[k]) {
                        case LONG -> Arrays.copyOf((long[]) data[k], capacity);
                        case DOUBLE -> Arrays.copyOf((double[]) data[k], capacity);
                        case TEXT -> Arrays.copyOf((int[]) data[k], capacity);
                    };
                }
            }
            size++;
        }

        public void setLong(int column, long value) {
            ((long[]) data[column])[size - 1] = value;
        }

        public void setDouble(int column, double value) {
            ((double[]) data[column])[size - 1] = value;
        }

        public void setText(int column, String value) {
            int code = -1;
            if (value != null) {
                Map<String, Integer> dict = dictionaries.get(column);
                Integer c = dict.get(value);
                if (c == null) {
                    c = dict.size();
                    dict.put(value, c);
                }
                code = c;
            }
            ((int[]) data[column])[size - 1] = code;
        }

        /** Sets a column from a JDBC-style value (a Number, a Boolean, anything else as text; null as NULL). */
        public void set(int column, Object value) {
            switch (kinds[column]) {
                case LONG -> setLong(column, value == null ? 0L
                        : value instanceof Boolean b ? (b ? 1L : 0L) : ((Number) value).longValue());
                case DOUBLE -> setDouble(column, value == null ? Double.NaN : ((Number) value).doubleValue());
                case TEXT -> setText(column, value == null ? null : value.toString());
            }
        }

        public Columns build() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < data.length; k++) {
                boolean full = size == capacity;
                Object column = switch (kinds[k]) {
                    case LONG -> full ? data[k] : Arrays.copyOf((long[]) data[k], size);
                    case DOUBLE -> full ? data[k] : Arrays.copyOf((double[]) data[k], size);
                    case TEXT -> {
                        String[] levels = new String[dictionaries.get(k).size()];
                        dictionaries.get(k).forEach((level, c) -> levels[c] = level);
                        yield new Text(full ? (int[]) data[k] : Arrays.copyOf((int[]) data[k], size), List.of(levels));
                    }
                };
                data[k] = null;
                out.put(names.get(k), column);
            }
            return new Columns(size, out);
        }
    }

    /** The columns of a row result (what engines without a columnar path return). */
    public static Columns of(Rows rows) {
        List<Kind> kinds = new ArrayList<>();
        rows.types().forEach(t -> kinds.add(Kind.of(t)));
        Builder b = new Builder(rows.columns(), kinds, rows.size());
        for (List<Object> row : rows.rows()) {
            b.next();
            for (int k = 0; k < row.size(); k++) {
                b.set(k, row.get(k));
            }
        }
        return b.build();
    }
}
