package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.did.DidSpec;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Engine;

/**
 * One row per unit of a DiD input, in the engine's text order (the order of the panel's units),
 * with what the unit-level checks need: a time that is not a whole period, treatment flags that are
 * not 0/1 or change within the unit, a first-treated value that is not a period or changes within
 * the unit. Each check names the first offending unit in that order.
 */
final class UnitChecks {

    private final DidSpec spec;
    private final TimeScale scale;
    private final Columns rows;
    private final List<String> units = new ArrayList<>();

    private UnitChecks(DidSpec spec, TimeScale scale, Columns rows) {
        this.spec = spec;
        this.scale = scale;
        this.rows = rows;
        Columns.Text u = rows.text("u");
        for (int i = 0; i < rows.size(); i++) {
            if (u.get(i) != null) {
                units.add(u.get(i));
            }
        }
    }

    /**
     * Reads the per-unit summary of {@code src} (a query with columns u, t_raw, t and either dtr,
     * dpo or ft_raw, ft); {@code badFirstTreated} is the condition on {@code s.ft}/{@code s.ft_raw}
     * under which a first-treated value is not a period.
     */
    static UnitChecks read(Engine engine, DidSpec spec, TimeScale scale, String src, String badFirstTreated) {
        StringBuilder q = new StringBuilder("SELECT s.u, count(*) AS n, max(CASE WHEN s.t_raw IS NOT NULL AND s.t IS NULL THEN s.t_raw END) AS bad_time");
        if (spec.twoByTwo()) {
            q.append(", max(CASE WHEN s.dtr NOT IN (0, 1) OR s.dpo NOT IN (0, 1) THEN 1 ELSE 0 END) AS bad_flag")
                    .append(", min(s.dtr) AS dtr_min, max(s.dtr) AS dtr_max");
        } else {
            q.append(", max(CASE WHEN s.ft_raw IS NOT NULL AND ").append(badFirstTreated).append(" THEN s.ft_raw END) AS bad_ft")
                    .append(", min(s.ft) AS ft_min, max(s.ft) AS ft_max");
        }
        q.append(" FROM (").append(src).append(") s GROUP BY s.u ORDER BY s.u NULLS LAST");
        return new UnitChecks(spec, scale, engine.queryColumns(q.toString()));
    }

    /** The number of rows of the input. */
    long rows() {
        long total = 0;
        for (long n : rows.longs("n")) {
            total += n;
        }
        return total;
    }

    /** Each unit's first treated period (0 for never), in the order of {@link #units()}; call after the checks. */
    long[] firstTreated() {
        long[] ft = rows.longs("ft_min");
        return java.util.Arrays.copyOf(ft, units.size()); // the NULL unit, if any, is last
    }

    /** The units (no NULL), in the engine's text order. */
    List<String> units() {
        return units;
    }

    void requireWholePeriods() {
        Columns.Text bad = rows.text("bad_time");
        for (int i = 0; i < rows.size(); i++) {
            if (bad.get(i) != null) {
                throw new CeterisException("time column '" + spec.time() + "' has a value that is not a whole-number period ('" + bad.get(i)
                        + "'); use years or period numbers, e.g. --sql with year(date) or a period index");
            }
        }
    }

    /** The treatment, given by flags or by first-treated period, is well formed and fixed within each unit. */
    void requireConsistentUnits() {
        Columns.Text u = rows.text("u");
        if (spec.twoByTwo()) {
            long[] badFlag = rows.longs("bad_flag");
            double[] min = rows.doubles("dtr_min");
            double[] max = rows.doubles("dtr_max");
            for (int i = 0; i < rows.size(); i++) {
                if (badFlag[i] == 1) {
                    throw new CeterisException("--treated and --post must be 0/1 flags; unit '" + u.get(i) + "' has another value");
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                if (u.get(i) != null && min[i] != max[i] && !Double.isNaN(min[i])) {
                    throw new CeterisException("unit '" + u.get(i) + "' is marked treated in some periods and untreated in others; --treated is "
                            + "the ever-treated flag (use --post for the period), or give --first-treated for a staggered roll-out");
                }
            }
            return;
        }
        Columns.Text badFt = rows.text("bad_ft");
        long[] min = rows.longs("ft_min");
        long[] max = rows.longs("ft_max");
        for (int i = 0; i < rows.size(); i++) {
            if (badFt.get(i) != null) {
                throw new CeterisException("first-treated column '" + spec.firstTreated() + "' has a value that is not a period ('" + badFt.get(i)
                        + "'); use the first treated period, or 0 or empty for never treated");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (u.get(i) != null && min[i] != max[i]) {
                throw new CeterisException("unit '" + u.get(i) + "' is treated in two different periods (" + PanelCells.label(scale, min[i])
                        + " and " + PanelCells.label(scale, max[i]) + " in '" + spec.firstTreated()
                        + "'); each unit has one first treated period, 0 or empty if never");
            }
        }
    }
}
