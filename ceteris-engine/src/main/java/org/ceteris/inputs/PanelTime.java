package org.ceteris.inputs;

import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;

/**
 * The time column of a panel (synthetic control, difference-in-differences): period numbers, or a
 * DATE or TIMESTAMP column read as day numbers since 1970-01-01, so that the estimators order and
 * compare times without knowing their kind. Times of day are refused: a dated panel's periods are
 * its distinct days in order.
 */
final class PanelTime {

    private PanelTime() {
    }

    /** NUMBER for a numeric column, DATE for a DATE or TIMESTAMP column; otherwise a one-line error. */
    static TimeScale scale(Column time) {
        if (time.numeric()) {
            return TimeScale.NUMBER;
        }
        if (time.temporal()) {
            return TimeScale.DATE;
        }
        throw new CeterisException("time column '" + time.name() + "' must hold numbers (a year, week or period number) or dates "
                + "(a DATE or TIMESTAMP column), not " + time.type() + "; convert it in --sql");
    }

    /**
     * Checks that a time the user wrote ({@code what}, e.g. "--treatment-time 2026-03-02", written in
     * {@code given}) is of the column's kind.
     */
    static void requireSame(Column time, TimeScale column, TimeScale given, String what) {
        if (column != given) {
            throw new CeterisException(what + " is " + given.kind() + " but time column '" + time.name() + "' holds "
                    + (column == TimeScale.DATE ? "dates" : "period numbers") + "; give " + column.kind());
        }
    }

    /** The SQL of the column's time as a double: the number itself, or the day number of a date. */
    static String expression(Dialect d, Column time, TimeScale scale) {
        String col = d.ident(time.name());
        return scale == TimeScale.DATE ? "(" + d.epochSeconds(d.tryTimestamp(col)) + " / 86400)" : "CAST(" + col + " AS DOUBLE)";
    }

    /** For dates: refuses a time of day (a day is the shortest period), naming one such value. */
    static void requireWholeDays(Engine engine, String relation, Column time, TimeScale scale) {
        if (scale != TimeScale.DATE) {
            return;
        }
        Dialect d = engine.dialect();
        String t = expression(d, time, scale);
        Rows r = engine.query("SELECT " + d.asText(d.ident(time.name())) + " AS v FROM " + relation + " WHERE " + t + " IS NOT NULL AND "
                + t + " <> floor(" + t + ") LIMIT 1");
        if (r.size() > 0) {
            throw new CeterisException("time column '" + time.name() + "' has a time of day (" + r.getString(0, "v") + "); periods are "
                    + "whole days or longer: use CAST(" + time.name() + " AS DATE) in --sql");
        }
    }
}
