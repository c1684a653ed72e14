package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidSpec;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;

/**
 * The SQL that turns a table into the compact DiD panel: one row per (unit, period) with the mean
 * outcome and covariates of that cell, plus each unit's first treated period, computed by the
 * engine (never raw event rows). Before that, small check queries turn the data problems users
 * make into one-line errors: periods that are not whole numbers, two rows for the same unit and
 * period, a unit with two different first-treated periods or a changing ever-treated flag.
 */
public final class DidInputs {

    private DidInputs() {
    }

    public static DidPanel load(Engine engine, Source source, DidSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String unit = d.asText(d.ident(Identifiers.requireColumn(columns, spec.unit(), source).name()));
        Column timeColumn = Identifiers.requireColumn(columns, spec.time(), source);
        String timeName = timeColumn.name();
        TimeScale scale = timeColumn.temporal() ? TimeScale.DATE : TimeScale.NUMBER;
        String relation = engine.relation(source);
        PanelTime.requireWholeDays(engine, relation, timeColumn, scale);
        String timeValue = scale == TimeScale.DATE ? PanelTime.expression(d, timeColumn, scale) : d.ident(timeName);
        String y = number(engine, columns, spec.outcome(), source, relation);
        List<String> covs = new ArrayList<>();
        for (String c : spec.covariates()) {
            covs.add(number(engine, columns, c, source, relation));
        }
        StringBuilder src = new StringBuilder("SELECT ").append(unit).append(" AS u, ")
                .append(d.asText(d.ident(timeName))).append(" AS t_raw, ")
                .append(wholeNumber(timeValue)).append(" AS t, ").append(y).append(" AS y");
        if (spec.twoByTwo()) {
            src.append(", ").append(number(engine, columns, spec.treated(), source, relation)).append(" AS dtr");
            src.append(", ").append(number(engine, columns, spec.post(), source, relation)).append(" AS dpo");
        } else {
            Column ftColumn = Identifiers.requireColumn(columns, spec.firstTreated(), source);
            String ftName = ftColumn.name();
            String ftText = "NULLIF(trim(" + d.asText(d.ident(ftName)) + "), '')";
            if (ftColumn.temporal() != (scale == TimeScale.DATE)) {
                throw new CeterisException("first-treated column '" + ftName + "' holds " + (ftColumn.temporal() ? "dates" : "period numbers")
                        + " but time column '" + timeName + "' holds " + (scale == TimeScale.DATE ? "dates" : "period numbers")
                        + "; give both as dates (empty for never treated) or both as period numbers (0 or empty for never)");
            }
            String ftValue = scale == TimeScale.DATE ? wholeNumber(PanelTime.expression(d, ftColumn, scale)) : wholeNumber(ftText);
            PanelTime.requireWholeDays(engine, relation, ftColumn, scale);
            src.append(", ").append(ftText).append(" AS ft_raw, coalesce(").append(ftValue).append(", 0) AS ft");
        }
        for (int k = 0; k < covs.size(); k++) {
            src.append(", ").append(covs.get(k)).append(" AS x").append(k);
        }
        src.append(" FROM ").append(relation);
        String with = d.with("s", src.toString());
        String sep = " || chr(1) || ";
        StringBuilder checks = new StringBuilder(with).append("SELECT (SELECT count(*) FROM s) AS total")
                .append(", (SELECT t_raw FROM s WHERE t_raw IS NOT NULL AND t IS NULL LIMIT 1) AS bad_time")
                .append(", (SELECT u").append(sep).append(d.asText("t")).append(" FROM s WHERE u IS NOT NULL AND t IS NOT NULL ")
                .append("GROUP BY u, t HAVING count(*) > 1 LIMIT 1) AS dup");
        if (spec.twoByTwo()) {
            checks.append(", (SELECT u FROM s WHERE dtr NOT IN (0, 1) OR dpo NOT IN (0, 1) LIMIT 1) AS bad_flag")
                    .append(", (SELECT u FROM s GROUP BY u HAVING count(DISTINCT dtr) > 1 LIMIT 1) AS flip");
        } else {
            checks.append(", (SELECT ft_raw FROM s WHERE ft_raw IS NOT NULL AND ").append(scale == TimeScale.DATE ? "ft = 0" : wholeNumber("ft_raw") + " IS NULL")
                    .append(" LIMIT 1) AS bad_ft")
                    .append(", (SELECT u").append(sep).append(d.asText("min(ft)")).append(sep).append(d.asText("max(ft)"))
                    .append(" FROM s WHERE u IS NOT NULL GROUP BY u HAVING count(DISTINCT ft) > 1 LIMIT 1) AS two_ft");
        }
        Rows found = engine.query(checks.toString());
        long total = found.getLong(0, "total");
        fail(found, "bad_time", v -> "time column '" + spec.time() + "' has a value that is not a whole-number period ('" + v[0]
                + "'); use years or period numbers, e.g. --sql with year(date) or a period index");
        fail(found, "dup", v -> "unit '" + v[0] + "' has more than one row for period "
                + (scale == TimeScale.DATE ? TimeScale.DATE.label(Double.parseDouble(v[1])) : v[1])
                + "; give one row per unit and period (aggregate first with --sql ... GROUP BY unit, period)");
        if (spec.twoByTwo()) {
            fail(found, "bad_flag", v -> "--treated and --post must be 0/1 flags; unit '" + v[0] + "' has another value");
            fail(found, "flip", v -> "unit '" + v[0] + "' is marked treated in some periods and untreated in others; --treated is the "
                    + "ever-treated flag (use --post for the period), or give --first-treated for a staggered roll-out");
        } else {
            fail(found, "bad_ft", v -> "first-treated column '" + spec.firstTreated() + "' has a value that is not a period ('" + v[0]
                    + "'); use the first treated period, or 0 or empty for never treated");
            fail(found, "two_ft", v -> "unit '" + v[0] + "' is treated in two different periods (" + v[1] + " and " + v[2]
                    + " in '" + spec.firstTreated() + "'); each unit has one first treated period, 0 or empty if never");
        }

        StringBuilder cell = new StringBuilder("SELECT u, t, avg(y) AS y, count(*) AS rows");
        StringBuilder where = new StringBuilder(" WHERE u IS NOT NULL AND t IS NOT NULL AND y IS NOT NULL");
        if (spec.twoByTwo()) {
            cell.append(", max(dtr) AS dtr, max(dpo) AS dpo");
            where.append(" AND dtr IS NOT NULL AND dpo IS NOT NULL");
        } else {
            cell.append(", max(ft) AS ft");
        }
        for (int k = 0; k < covs.size(); k++) {
            cell.append(", avg(x").append(k).append(") AS x").append(k);
            where.append(" AND x").append(k).append(" IS NOT NULL");
        }
        cell.append(" FROM (").append(src).append(") s").append(where).append(" GROUP BY u, t ORDER BY u, t");
        DidPanel panel = toPanel(spec, engine.queryColumns(cell.toString(), total), total);
        return scale == TimeScale.DATE ? dated(spec, panel) : panel;
    }

    /**
     * A panel read with day numbers as periods, renumbered: the periods become the positions 1..T of
     * the distinct dates (so event times count periods whatever the gaps) and each first treated date
     * its position. A first treated date after the last date means not treated within the panel (0);
     * any other date that is not one of the panel's is an error.
     */
    private static DidPanel dated(DidSpec spec, DidPanel p) {
        long[] days = p.periods();
        long[] periods = new long[days.length];
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            periods[i] = i + 1;
            dates.add(String.valueOf(TimeScale.DATE.label(days[i])));
        }
        long[] first = null;
        if (p.firstTreated() != null) {
            first = new long[p.firstTreated().length];
            for (int u = 0; u < first.length; u++) {
                long ft = p.firstTreated()[u];
                int k = Arrays.binarySearch(days, ft);
                if (ft == 0 || ft > days[days.length - 1]) {
                    first[u] = 0;
                } else if (k < 0) {
                    throw new CeterisException("unit '" + p.units().get(u) + "' is first treated on " + TimeScale.DATE.label(ft)
                            + ", which is not one of the dates in '" + spec.time() + "'; give the first date of the panel on which it is treated");
                } else {
                    first[u] = k + 1;
                }
            }
        }
        return new DidPanel(p.units(), periods, p.unit(), p.period(), p.outcome(), p.treated(), p.post(), first, p.covariateNames(),
                p.covariates(), p.missingRows(), dates);
    }

    /**
     * The finite double value of a column. A text column (a CSV with "NA" for missing values) is
     * read as numbers with NA, NaN, NULL and empty cells missing; any other text is an error.
     */
    private static String number(Engine engine, List<Column> columns, String name, Source source, String relation) {
        Column c = Identifiers.requireColumn(columns, name, source);
        Dialect d = engine.dialect();
        String col = d.ident(c.name());
        if (c.numeric()) {
            return d.finiteOrNull(col);
        }
        String text = "trim(" + d.asText(col) + ")";
        check(engine, "SELECT " + text + " FROM " + relation + " WHERE " + col + " IS NOT NULL AND TRY_CAST(" + text
                + " AS DOUBLE) IS NULL AND upper(" + text + ") NOT IN ('NA', 'NAN', 'NULL', '') LIMIT 1",
                row -> "column '" + c.name() + "' in " + source.describe() + " has a value that is not a number ('" + row.get(0)
                        + "'); give a numeric column or convert it in --sql");
        return d.finiteOrNull("TRY_CAST(" + text + " AS DOUBLE)");
    }

    /** The whole-number value of expr as BIGINT, NULL when it is not one. */
    private static String wholeNumber(String expr) {
        return "(CASE WHEN TRY_CAST(" + expr + " AS DOUBLE) = round(TRY_CAST(" + expr + " AS DOUBLE)) "
                + "AND abs(TRY_CAST(" + expr + " AS DOUBLE)) < 1e15 THEN CAST(TRY_CAST(" + expr + " AS DOUBLE) AS BIGINT) END)";
    }

    private interface Message {
        String of(List<Object> row);
    }

    private interface Values {
        String of(String[] values);
    }

    /** Throws the message when the check column is not NULL (values separated by chr(1)). */
    private static void fail(Rows found, String column, Values message) {
        String v = found.getString(0, column);
        if (v != null) {
            throw new CeterisException(message.of(v.split("\u0001", -1)));
        }
    }

    private static void check(Engine engine, String sql, Message message) {
        Rows r = engine.query(sql);
        if (r.size() > 0) {
            throw new CeterisException(message.of(r.rows().get(0)));
        }
    }

    private static DidPanel toPanel(DidSpec spec, Columns rows, long total) {
        int n = rows.size();
        if (n == 0) {
            throw new CeterisException("no usable rows: '" + spec.outcome() + "', '" + spec.unit() + "' or '" + spec.time()
                    + "' is missing in every row");
        }
        long[] t = rows.longs("t");
        long[] periods = Arrays.stream(t).distinct().sorted().toArray();
        Columns.Text u = rows.text("u");
        List<String> units = new ArrayList<>();
        int[] unit = new int[n];
        int[] period = new int[n];
        double[] y = rows.doubles("y");
        double[] treated = spec.twoByTwo() ? rows.doubles("dtr") : null;
        double[] post = spec.twoByTwo() ? rows.doubles("dpo") : null;
        long[] ft = spec.twoByTwo() ? null : rows.longs("ft");
        long[] cellRows = rows.longs("rows");
        List<Long> first = new ArrayList<>();
        int k = spec.covariates().size();
        double[][] x = new double[k][];
        for (int c = 0; c < k; c++) {
            x[c] = rows.doubles("x" + c);
        }
        long used = 0;
        int last = -1;
        for (int i = 0; i < n; i++) { // ordered by unit, then time
            int code = u.codes()[i];
            if (code != last) {
                units.add(u.levels().get(code));
                last = code;
                if (!spec.twoByTwo()) {
                    first.add(ft[i]);
                }
            }
            unit[i] = units.size() - 1;
            period[i] = Arrays.binarySearch(periods, t[i]);
            used += cellRows[i];
        }
        long[] firstTreated = spec.twoByTwo() ? null : first.stream().mapToLong(Long::longValue).toArray();
        return new DidPanel(units, periods, unit, period, y, treated, post, firstTreated, spec.covariates(), x, total - used);
    }
}
