package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.observational.Covariate;
import org.ceteris.observational.ObservationalData;
import org.ceteris.observational.ObserveSpec;

/**
 * The SQL that turns a table into the unit-level columns an observational study needs (matching
 * and weighting work on units, so no aggregate will do): the treatment as 0/1, the outcome, numeric
 * covariates as doubles and categorical (text) covariates as codes into their sorted levels.
 * Rows with a NULL, NaN or infinite value in any of them are left out and counted. The treatment
 * must hold only 0 and 1 (or true/false), in every row, left out or not. The source is read once
 * (after a plain row count), which matters for a CSV file: each read parses it. Rows reach Java as primitive
 * columns ({@link Engine#queryColumns}, about 100 bytes per unit with 10 covariates).
 */
public final class ObservationalInputs {

    /** The study's columns and the number of rows left out for missing values. */
    public record Loaded(ObservationalData data, long excludedRows) {
    }

    private ObservationalInputs() {
    }

    public static Loaded load(Engine engine, Source source, ObserveSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        Column t = Identifiers.requireColumn(columns, spec.treatment(), source);
        if (!t.numeric()) {
            throw new CeterisException("treatment column '" + t.name() + "' is " + t.type()
                    + "; it must hold 0/1 or true/false (convert it in --sql, e.g. CASE WHEN … THEN 1 ELSE 0 END)");
        }
        Column y = Identifiers.requireNumeric(columns, spec.outcome(), source);
        List<Column> covs = new ArrayList<>();
        for (String c : spec.covariates()) {
            covs.add(Identifiers.requireColumn(columns, c, source));
        }
        String relation = engine.relation(source);
        String tExpr = d.numberOf(t);
        List<String> select = new ArrayList<>();
        List<String> complete = new ArrayList<>();
        select.add(tExpr + " AS t");
        select.add(d.numberOf(y) + " AS y");
        for (int k = 0; k < covs.size(); k++) {
            Column c = covs.get(k);
            String e = c.numeric() ? d.numberOf(c) : d.asText(d.ident(c.name()));
            select.add(e + " AS c" + k);
        }
        for (int k = -2; k < covs.size(); k++) {
            complete.add((k == -2 ? "t" : k == -1 ? "y" : "c" + k) + " IS NOT NULL");
        }
        String inner = "SELECT " + String.join(", ", select) + " FROM " + relation;
        String where = String.join(" AND ", complete);
        // A plain count (cheap: no column is parsed or read), then one scan for the rows: the complete
        // ones, and any with a treatment other than 0/1, so that such a value is reported even in a row
        // that would be left out. The count sizes the columns, so they are not grown and copied.
        long total = engine.query("SELECT count(*) AS n FROM " + relation).getLong(0, "n");
        Columns cols = engine.queryColumns("SELECT * FROM (" + inner + ") s WHERE (" + where + ") OR (t IS NOT NULL AND t NOT IN (0, 1))",
                total);
        if (cols.size() > total) {
            throw new IllegalStateException("the source changed while it was read: " + total + " rows, then " + cols.size());
        }
        int n = cols.size();
        double[] tv = cols.doubles("t");
        for (double v : tv) {
            if (v != 0 && v != 1) {
                checkBinary(engine, relation, tExpr, t.name());
                throw new IllegalStateException("the source changed while it was read: treatment " + v + " came and went");
            }
        }
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = tv[i] == 1.0;
        }
        List<Covariate> covariates = new ArrayList<>();
        for (int k = 0; k < covs.size(); k++) {
            String name = covs.get(k).name();
            if (covs.get(k).numeric()) {
                covariates.add(new Covariate.Numeric(name, cols.doubles("c" + k)));
            } else {
                Columns.Text text = cols.text("c" + k);
                covariates.add(new Covariate.Categorical(name, text.levels(), text.codes()));
            }
        }
        return new Loaded(new ObservationalData(t.name(), y.name(), treated, cols.doubles("y"), covariates), total - n);
    }

    private static void checkBinary(Engine engine, String relation, String tExpr, String name) {
        Rows bad = engine.query("SELECT DISTINCT " + tExpr + " AS v FROM " + relation + " WHERE " + tExpr
                + " IS NOT NULL AND " + tExpr + " NOT IN (0, 1) ORDER BY 1 LIMIT 5");
        if (bad.size() > 0) {
            List<String> vals = new ArrayList<>();
            for (int i = 0; i < bad.size(); i++) {
                vals.add(org.ceteris.report.Wording.number(bad.getDouble(i, "v")));
            }
            throw new CeterisException("treatment column '" + name + "' must hold only 0 and 1 (or true/false); it also has "
                    + String.join(", ", vals) + (bad.size() == 5 ? ", …" : ""));
        }
    }
}
