package org.ceteris.inputs;

import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.synth.PredictorSpec;

/**
 * Checks the trait columns of a multi-city synthetic control ({@code --traits}): each must exist, be
 * numeric, have a value on every row and be constant within each unit (a trait describes the city, not
 * a week). One query over the table: per unit, the missing count, minimum and maximum of every trait.
 */
final class SynthTraits {

    private SynthTraits() {
    }

    static void check(Engine engine, Source source, List<String> traits, List<Column> columns, String unitExpr, String unitColumn,
            String rel) {
        if (traits.isEmpty()) {
            return;
        }
        Dialect d = engine.dialect();
        StringBuilder sql = new StringBuilder("SELECT ").append(unitExpr).append(" AS u");
        String[] names = new String[traits.size()];
        for (int i = 0; i < traits.size(); i++) {
            names[i] = Identifiers.requireNumeric(columns, traits.get(i), source).name();
            String v = d.finiteOrNull(d.ident(names[i]));
            sql.append(", count(*) - count(").append(v).append(") AS m").append(i).append(", min(").append(v).append(") AS lo").append(i)
                    .append(", max(").append(v).append(") AS hi").append(i);
        }
        sql.append(" FROM ").append(rel).append(" WHERE ").append(d.ident(unitColumn)).append(" IS NOT NULL GROUP BY 1 ORDER BY 1");
        Rows rows = engine.query(sql.toString());
        for (int i = 0; i < traits.size(); i++) {
            for (int r = 0; r < rows.size(); r++) {
                String unit = rows.getString(r, "u");
                long missing = rows.getLong(r, "m" + i);
                if (missing > 0) {
                    throw new CeterisException("trait '" + names[i] + "' is missing on " + missing + " row(s) of unit '" + unit
                            + "'; give every unit its value on every row, or drop the unit in --sql");
                }
                double lo = rows.getDouble(r, "lo" + i);
                double hi = rows.getDouble(r, "hi" + i);
                if (lo != hi) {
                    throw new CeterisException("trait '" + names[i] + "' varies within unit '" + unit + "' (" + PredictorSpec.label(lo)
                            + " to " + PredictorSpec.label(hi) + "); a trait is one value per unit: use a fixed value, e.g. its pre-period mean,"
                            + " or make it a --predictor");
                }
            }
        }
    }
}
