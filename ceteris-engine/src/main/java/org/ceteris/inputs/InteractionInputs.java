package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.interactions.CellStats;
import org.ceteris.interactions.InteractionInput;
import org.ceteris.interactions.InteractionsSpec;
import org.ceteris.stats.Moments;

/**
 * The SQL behind interaction detection: one scan with {@code GROUPING SETS}, one set per pair of
 * experiment columns, giving count, {@code avg} and {@code var_samp} of every metric per
 * (arm of A, arm of B) cell. An empty or NULL arm means "not in this experiment" and its cells are
 * dropped. With a unit column, rows are first summed per unit (a unit in two arms of one
 * experiment is an error). Metric values that are NULL, NaN or infinite are left out and counted.
 */
public final class InteractionInputs {

    private InteractionInputs() {
    }

    public static InteractionInput load(Engine engine, Source source, InteractionsSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        List<String> exp = new ArrayList<>();
        for (String e : spec.experiments()) {
            exp.add(Identifiers.requireColumn(columns, e, source).name());
        }
        List<String> met = new ArrayList<>();
        for (String m : spec.metrics()) {
            met.add(Identifiers.requireNumeric(columns, m, source).name());
        }
        String unit = spec.unit() == null ? null : Identifiers.requireColumn(columns, spec.unit(), source).name();
        String base = unit == null ? rowLevel(d, engine.relation(source), exp, met)
                : unitLevel(d, engine.relation(source), unit, exp, met);
        if (unit != null) {
            checkOneArmPerUnit(engine, base, spec);
        }
        Rows excludedRows = engine.query(excludedSql(base, exp.size(), met.size()));
        Map<String, Long> excluded = new LinkedHashMap<>();
        for (int k = 0; k < met.size(); k++) {
            excluded.put(spec.metrics().get(k), excludedRows.getLong(0, "x" + k));
        }
        Columns rows = engine.queryColumns(cellsSql(d, base, exp.size(), met.size()));
        return toInput(spec, rows, excluded);
    }

    /** Columns x0… (arm as text, NULL when absent) and m0… (finite metric or NULL), one row per row. */
    static String rowLevel(Dialect d, String relation, List<String> exp, List<String> met) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < exp.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(arm(d, d.ident(exp.get(i)))).append(" AS x").append(i);
        }
        for (int k = 0; k < met.size(); k++) {
            sb.append(", ").append(d.finiteOrNull(d.ident(met.get(k)))).append(" AS m").append(k);
        }
        return sb.append(" FROM ").append(relation).toString();
    }

    /** One row per unit: its arm in each experiment (min, with the count of distinct arms) and summed metrics. */
    static String unitLevel(Dialect d, String relation, String unit, List<String> exp, List<String> met) {
        StringBuilder sb = new StringBuilder("SELECT ").append(d.ident(unit)).append(" AS u");
        for (int i = 0; i < exp.size(); i++) {
            String a = arm(d, d.ident(exp.get(i)));
            sb.append(", min(").append(a).append(") AS x").append(i)
                    .append(", count(DISTINCT ").append(a).append(") AS nx").append(i);
        }
        for (int k = 0; k < met.size(); k++) {
            sb.append(", sum(").append(d.finiteOrNull(d.ident(met.get(k)))).append(") AS m").append(k);
        }
        return sb.append(" FROM ").append(relation).append(" WHERE ").append(d.ident(unit))
                .append(" IS NOT NULL GROUP BY 1").toString();
    }

    private static String arm(Dialect d, String column) {
        return "NULLIF(trim(" + d.asText(column) + "), '')";
    }

    private static void checkOneArmPerUnit(Engine engine, String base, InteractionsSpec spec) {
        StringBuilder sb = new StringBuilder("SELECT 0 AS none");
        for (int i = 0; i < spec.experiments().size(); i++) {
            sb.append(", count(*) FILTER (WHERE nx").append(i).append(" > 1) AS bad").append(i);
        }
        Rows r = engine.query(sb.append(" FROM (").append(base).append(") b").toString());
        for (int i = 0; i < spec.experiments().size(); i++) {
            long bad = r.getLong(0, "bad" + i);
            if (bad > 0) {
                throw new CeterisException(bad + " unit(s) appear in more than one arm of '" + spec.experiments().get(i)
                        + "'; each unit must stay in one arm (check the assignment, or analyse without --unit)");
            }
        }
    }

    private static String excludedSql(String base, int experiments, int metrics) {
        StringBuilder any = new StringBuilder();
        for (int i = 0; i < experiments; i++) {
            any.append(i > 0 ? " OR " : "").append("x").append(i).append(" IS NOT NULL");
        }
        StringBuilder sb = new StringBuilder("SELECT 0 AS none");
        for (int k = 0; k < metrics; k++) {
            sb.append(", count(*) FILTER (WHERE m").append(k).append(" IS NULL AND (").append(any).append(")) AS x").append(k);
        }
        return sb.append(" FROM (").append(base).append(") b").toString();
    }

    static String cellsSql(Dialect d, String base, int experiments, int metrics) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < experiments; i++) {
            grouped.append(i > 0 ? ", " : "").append("x").append(i);
        }
        StringBuilder sb = new StringBuilder("SELECT ").append(d.groupingId(grouped.toString())).append(" AS g");
        for (int i = 0; i < experiments; i++) {
            sb.append(", x").append(i);
        }
        for (int k = 0; k < metrics; k++) {
            sb.append(", count(m").append(k).append(") AS n").append(k)
                    .append(", avg(m").append(k).append(") AS mean").append(k)
                    .append(", var_samp(m").append(k).append(") AS var").append(k);
        }
        sb.append(" FROM (").append(base).append(") b GROUP BY GROUPING SETS (");
        boolean first = true;
        for (int i = 0; i < experiments; i++) {
            for (int j = i + 1; j < experiments; j++) {
                sb.append(first ? "" : ", ").append("(x").append(i).append(", x").append(j).append(')');
                first = false;
            }
        }
        return sb.append(") ORDER BY g DESC").toString();
    }

    private static InteractionInput toInput(InteractionsSpec spec, Columns rows, Map<String, Long> excluded) {
        int e = spec.experiments().size();
        List<TreeSet<String>> arms = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            arms.add(new TreeSet<>());
        }
        List<CellStats> cells = new ArrayList<>();
        long[] groupings = rows.longs("g");
        for (int r = 0; r < rows.size(); r++) {
            long g = groupings[r];
            int[] grouped = new int[2];
            int found = 0;
            for (int i = 0; i < e && found < 2; i++) {
                boolean aggregated = ((g >> (e - 1 - i)) & 1) == 1; // GROUPING's first argument is the highest bit
                if (!aggregated) {
                    grouped[found++] = i;
                }
            }
            String armA = rows.text("x" + grouped[0]).get(r);
            String armB = rows.text("x" + grouped[1]).get(r);
            if (armA == null || armB == null) {
                continue;
            }
            arms.get(grouped[0]).add(armA);
            arms.get(grouped[1]).add(armB);
            for (int k = 0; k < spec.metrics().size(); k++) {
                long n = rows.longs("n" + k)[r];
                if (n == 0) {
                    continue;
                }
                double var = rows.doubles("var" + k)[r];
                Moments m = Moments.ofVariance(n, rows.doubles("mean" + k)[r], Double.isNaN(var) ? 0 : var);
                cells.add(new CellStats(spec.experiments().get(grouped[0]), spec.experiments().get(grouped[1]),
                        spec.metrics().get(k), armA, armB, m));
            }
        }
        Map<String, List<String>> armMap = new HashMap<>();
        for (int i = 0; i < e; i++) {
            armMap.put(spec.experiments().get(i), List.copyOf(arms.get(i)));
        }
        return new InteractionInput(cells, armMap, excluded);
    }
}
