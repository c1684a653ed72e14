package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.dag.Dag;
import org.ceteris.dag.DagTestInput;
import org.ceteris.dag.Implication;
import org.ceteris.dag.IndependenceTest;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;

/**
 * The SQL behind {@code dag test}: over the rows complete in every variable the implications
 * mention, either the Pearson correlation matrix ({@code corr}, one scan) for Fisher's z, or one
 * stratified contingency table per implication ({@code GROUP BY} x, y and the conditioning
 * variables) for chi-squared. Only those aggregates cross into Java.
 *
 * <p>With no test requested, a column counts as discrete when it is text or boolean or has at
 * most {@value #DISCRETE_LEVELS} distinct values: chi-squared when every variable is discrete,
 * Fisher's z when every variable is numeric, else an error asking to choose.
 */
public final class DagInputs {

    /** Numeric columns with at most this many distinct values count as discrete. */
    public static final int DISCRETE_LEVELS = 5;

    private DagInputs() {
    }

    /** Which test {@code auto} means for these data. */
    public static IndependenceTest chooseTest(Engine engine, Source source, List<String> variables) {
        Map<String, Column> cols = columns(engine, source, variables);
        if (cols.isEmpty()) {
            return IndependenceTest.FISHER_Z;
        }
        Dialect d = engine.dialect();
        StringBuilder sql = new StringBuilder("SELECT ");
        int k = 0;
        for (Column c : cols.values()) {
            sql.append(k > 0 ? ", " : "").append("count(DISTINCT ").append(d.ident(c.name())).append(") AS d").append(k++);
        }
        sql.append(" FROM ").append(engine.relation(source));
        Rows r = engine.query(sql.toString());
        List<String> text = new ArrayList<>();
        List<String> continuous = new ArrayList<>();
        k = 0;
        for (Map.Entry<String, Column> e : cols.entrySet()) {
            Column c = e.getValue();
            boolean bool = c.type().toUpperCase(Locale.ROOT).startsWith("BOOL");
            long distinct = r.getLong(0, "d" + k++);
            if (!c.numeric()) {
                text.add(e.getKey());
            } else if (!bool && distinct > DISCRETE_LEVELS) {
                continuous.add(e.getKey());
            }
        }
        if (continuous.isEmpty()) {
            return IndependenceTest.CHI_SQUARED;
        }
        if (text.isEmpty()) {
            return IndependenceTest.FISHER_Z;
        }
        throw new CeterisException("the DAG's variables mix text (" + String.join(", ", text) + ") and continuous numbers ("
                + String.join(", ", continuous) + "): give --test chisq and bin the numbers in --sql, or code the text as numbers");
    }

    /** The aggregates the chosen test needs. */
    public static DagTestInput load(Engine engine, Source source, Dag dag, List<Implication> implications, IndependenceTest test) {
        List<String> variables = variables(dag, implications);
        Map<String, Column> cols = columns(engine, source, variables);
        Dialect d = engine.dialect();
        String complete = complete(d, cols, test.discrete());
        String relation = engine.relation(source);
        if (cols.isEmpty()) { // nothing to test: only the row count
            long rows = engine.query("SELECT count(*) AS n FROM " + relation).getLong(0, "n");
            return test.discrete() ? new DagTestInput.Tables(rows, List.of(), List.of())
                    : new DagTestInput.Correlations(List.of(), rows, new double[0][0]);
        }
        if (!test.discrete()) {
            for (Map.Entry<String, Column> e : cols.entrySet()) {
                if (!e.getValue().numeric()) {
                    throw new CeterisException("column '" + e.getValue().name() + "' (" + e.getKey() + ") is " + e.getValue().type()
                            + ", not numeric; Fisher's z needs numbers: use --test chisq for discrete data");
                }
            }
            return correlations(engine, relation, complete, cols);
        }
        long n = engine.query("SELECT count(*) AS n FROM " + relation + " WHERE " + complete).getLong(0, "n");
        List<List<DagTestInput.Cell>> tables = new ArrayList<>();
        for (Implication imp : implications) {
            StringBuilder strat = new StringBuilder();
            for (String z : imp.given()) {
                strat.append(strat.length() > 0 ? " || '\u001f' || " : "").append(d.asText(d.ident(cols.get(z).name())));
            }
            String sql = "SELECT " + d.asText(d.ident(cols.get(imp.x()).name())) + " AS x, " + d.asText(d.ident(cols.get(imp.y()).name()))
                    + " AS y, " + (strat.length() == 0 ? "''" : strat) + " AS s, count(*) AS k FROM " + relation + " WHERE " + complete
                    + " GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";
            Columns r = engine.queryColumns(sql);
            Columns.Text xs = r.text("x");
            Columns.Text ys = r.text("y");
            Columns.Text ss = r.text("s");
            long[] counts = r.longs("k");
            List<DagTestInput.Cell> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(new DagTestInput.Cell(ss.get(i), xs.get(i), ys.get(i), counts[i]));
            }
            tables.add(cells);
        }
        return new DagTestInput.Tables(n, implications, tables);
    }

    private static DagTestInput.Correlations correlations(Engine engine, String relation, String complete, Map<String, Column> cols) {
        Dialect d = engine.dialect();
        List<String> names = new ArrayList<>(cols.keySet());
        int k = names.size();
        StringBuilder sql = new StringBuilder("SELECT count(*) AS n");
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                sql.append(", corr(v").append(i).append(", v").append(j).append(") AS c").append(i).append('_').append(j);
            }
        }
        sql.append(" FROM (SELECT ");
        for (int i = 0; i < k; i++) {
            sql.append(i > 0 ? ", " : "").append("CAST(").append(d.ident(cols.get(names.get(i)).name())).append(" AS DOUBLE) AS v").append(i);
        }
        sql.append(" FROM ").append(relation).append(" WHERE ").append(complete).append(") t");
        Rows r = engine.query(sql.toString());
        long n = r.getLong(0, "n");
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1.0;
            for (int j = i + 1; j < k; j++) {
                double c = r.getDouble(0, "c" + i + "_" + j);
                m[i][j] = c;
                m[j][i] = c;
            }
        }
        return new DagTestInput.Correlations(names, n, m);
    }

    /** The measured variables the implications mention, in the DAG's order. */
    public static List<String> variables(Dag dag, List<Implication> implications) {
        List<String> out = new ArrayList<>();
        for (String node : dag.nodes()) {
            for (Implication imp : implications) {
                if (imp.x().equals(node) || imp.y().equals(node) || imp.given().contains(node)) {
                    out.add(node);
                    break;
                }
            }
        }
        return out;
    }

    private static Map<String, Column> columns(Engine engine, Source source, List<String> variables) {
        List<Column> columns = engine.columns(source);
        Map<String, Column> out = new LinkedHashMap<>();
        for (String v : variables) {
            try {
                out.put(v, Identifiers.requireColumn(columns, v, source));
            } catch (CeterisException e) {
                throw new CeterisException(e.getMessage() + "; mark the node [latent] in the DAG if it is not measured");
            }
        }
        return out;
    }

    private static String complete(Dialect d, Map<String, Column> cols, boolean discrete) {
        List<String> parts = new ArrayList<>();
        for (Column c : cols.values()) {
            parts.add(discrete || !c.numeric() ? d.ident(c.name()) + " IS NOT NULL"
                    : d.finiteOrNull("CAST(" + d.ident(c.name()) + " AS DOUBLE)") + " IS NOT NULL");
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }
}
