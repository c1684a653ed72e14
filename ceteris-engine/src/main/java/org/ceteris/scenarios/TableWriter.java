package org.ceteris.scenarios;

import java.sql.SQLException;
import java.time.LocalDate;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.duckdb.DuckDBAppender;

/** Creates a table and bulk-loads rows through DuckDB's Appender. */
final class TableWriter implements AutoCloseable {

    private final String table;
    private final DuckDBAppender appender;

    private TableWriter(String table, DuckDBAppender appender) {
        this.table = table;
        this.appender = appender;
    }

    /** {@code columns} is the column list of CREATE TABLE, e.g. {@code "city VARCHAR, week INTEGER"}. */
    static TableWriter create(DuckDbEngine engine, String table, String columns) {
        engine.execute("CREATE OR REPLACE TABLE \"" + table + "\" (" + columns + ")");
        return new TableWriter(table, engine.appender(table));
    }

    TableWriter row(Object... values) {
        try {
            appender.beginRow();
            for (Object v : values) {
                if (v == null) {
                    appender.appendNull();
                } else if (v instanceof String s) {
                    appender.append(s);
                } else if (v instanceof Integer i) {
                    appender.append(i.intValue());
                } else if (v instanceof Long l) {
                    appender.append(l.longValue());
                } else if (v instanceof Double d) {
                    appender.append(d.doubleValue());
                } else if (v instanceof Boolean b) {
                    appender.append(b.booleanValue());
                } else if (v instanceof LocalDate d) {
                    appender.append(d);
                } else if (v instanceof java.time.LocalDateTime t) {
                    appender.append(t);
                } else {
                    throw new IllegalArgumentException("unsupported value type " + v.getClass());
                }
            }
            appender.endRow();
            return this;
        } catch (SQLException e) {
            throw new CeterisException("cannot write table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw new CeterisException("cannot write table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Rounds to {@code digits} decimals so that generated tables read naturally. */
    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
