package org.ceteris.engine;

import java.util.List;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/** Checks on the names users give for tables and columns. */
public final class Identifiers {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private Identifiers() {
    }

    /** A table name: letters, digits and underscores, not starting with a digit. */
    public static String requireName(String name, String what) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new CeterisException("invalid " + what + " name '" + name
                    + "': use letters, digits and underscores, starting with a letter");
        }
        return name;
    }

    /**
     * The column of {@code columns} called {@code name} (exactly, else ignoring case), or a
     * {@link CeterisException} listing the columns there are.
     */
    public static Column requireColumn(List<Column> columns, String name, Source source) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        String available = columns.stream().map(Column::name).limit(30).reduce((a, b) -> a + ", " + b).orElse("none");
        throw new CeterisException("column '" + name + "' not found in " + source.describe() + "; its columns are " + available);
    }

    /** Like {@link #requireColumn} and also requires a numeric type. */
    public static Column requireNumeric(List<Column> columns, String name, Source source) {
        Column c = requireColumn(columns, name, source);
        if (!c.numeric()) {
            throw new CeterisException("column '" + c.name() + "' in " + source.describe() + " is " + c.type()
                    + ", not numeric; give a numeric column or convert it in --sql");
        }
        return c;
    }
}
