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
 * The SQL that turns a table into the compact DiD panel: one cell per (unit, period) with the outcome
 * and covariates, plus each unit's first treated period. Two reads of the source: a per-unit summary
 * ({@link UnitChecks}: the sorted unit names, row counts, first-treated periods and the checks that turn
 * users' data problems into one-line errors — periods that are not whole numbers, a unit with two
 * first-treated periods or a changing ever-treated flag), then the rows as numbers with each unit as a
 * code into those names, which {@link PanelCells} sorts into cells (and where two rows for one unit and
 * period are an error). The fetch derives the unit codes again in SQL (a join on the distinct units) since
 * the names list lives in Java; a temporary table would save that scan but not every engine allows one.
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
                .append(integer(timeColumn) ? "CAST(" + timeValue + " AS BIGINT)" : wholeNumber(timeValue)).append(" AS t, ").append(y).append(" AS y");
        String badFirstTreated = null;
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
            String ftValue = scale == TimeScale.DATE ? wholeNumber(PanelTime.expression(d, ftColumn, scale))
                    : integer(ftColumn) ? "CAST(" + d.ident(ftName) + " AS BIGINT)" : wholeNumber(ftText);
            badFirstTreated = scale == TimeScale.DATE ? "s.ft = 0" : integer(ftColumn) ? "FALSE" : wholeNumber("s.ft_raw") + " IS NULL";
            PanelTime.requireWholeDays(engine, relation, ftColumn, scale);
            src.append(", ").append(ftText).append(" AS ft_raw, coalesce(").append(ftValue).append(", 0) AS ft");
        }
        for (int k = 0; k < covs.size(); k++) {
            src.append(", ").append(covs.get(k)).append(" AS x").append(k);
        }
        src.append(" FROM ").append(relation);
        UnitChecks units = UnitChecks.read(engine, spec, scale, src.toString(), badFirstTreated);
        units.requireWholePeriods();
        units.requireConsistentUnits();
        // Units reach Java as codes into their sorted list (text crosses JDBC once per unit, not per row).
        StringBuilder fetch = new StringBuilder("SELECT coalesce(lv.code, -1) AS u, CAST(s.t AS DOUBLE) AS t, s.y");
        if (spec.twoByTwo()) {
            fetch.append(", s.dtr, s.dpo");
        }
        for (int k = 0; k < covs.size(); k++) {
            fetch.append(", s.x").append(k);
        }
        fetch.append(" FROM (").append(src).append(") s LEFT JOIN (SELECT u, row_number() OVER (ORDER BY u) - 1 AS code FROM (SELECT DISTINCT ")
                .append(unit).append(" AS u FROM ").append(relation).append(" WHERE ").append(unit).append(" IS NOT NULL) d) lv ON s.u = lv.u");
        DidPanel panel = PanelCells.of(spec, scale, engine.queryColumns(fetch.toString(), units.rows()), units.units(),
                spec.twoByTwo() ? null : units.firstTreated());
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
            return d.numberOf(c);
        }
        String text = "trim(" + d.asText(col) + ")";
        check(engine, "SELECT " + text + " FROM " + relation + " WHERE " + col + " IS NOT NULL AND TRY_CAST(" + text
                + " AS DOUBLE) IS NULL AND upper(" + text + ") NOT IN ('NA', 'NAN', 'NULL', '') LIMIT 1",
                row -> "column '" + c.name() + "' in " + source.describe() + " has a value that is not a number ('" + row.get(0)
                        + "'); give a numeric column or convert it in --sql");
        return d.finiteOrNull("TRY_CAST(" + text + " AS DOUBLE)");
    }

    /** Whether a column holds integers (so every value is a whole number). */
    private static boolean integer(Column c) {
        return !c.type().equalsIgnoreCase("BOOLEAN") && Columns.Kind.of(c.type()) == Columns.Kind.LONG;
    }

    /** The whole-number value of expr as BIGINT, NULL when it is not one. */
    private static String wholeNumber(String expr) {
        return "(CASE WHEN TRY_CAST(" + expr + " AS DOUBLE) = round(TRY_CAST(" + expr + " AS DOUBLE)) "
                + "AND abs(TRY_CAST(" + expr + " AS DOUBLE)) < 1e15 THEN CAST(TRY_CAST(" + expr + " AS DOUBLE) AS BIGINT) END)";
    }

    private interface Message {
        String of(List<Object> row);
    }

    private static void check(Engine engine, String sql, Message message) {
        Rows r = engine.query(sql);
        if (r.size() > 0) {
            throw new CeterisException(message.of(r.rows().get(0)));
        }
    }
}
