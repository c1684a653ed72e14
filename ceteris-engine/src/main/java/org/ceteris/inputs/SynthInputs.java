package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.engine.Column;
import org.ceteris.engine.Columns;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Source;
import org.ceteris.synth.PredictorSpec;
import org.ceteris.synth.SynthPanel;
import org.ceteris.synth.SynthSpec;

/**
 * The SQL that turns a unit × time table into the compact panel of synthetic control: one query
 * groups by (unit, time) and returns the outcome with a row count (to catch duplicates), a second
 * returns the predictor, trait and training columns per (unit, time), and their window means are taken in
 * Java in time order, so they do not depend on row order or threads. Only units × times values
 * cross into Java. The panel must be
 * balanced: every unit needs exactly one row with an outcome at every time.
 */
public final class SynthInputs {

    private SynthInputs() {
    }

    public static SynthPanel load(Engine engine, Source source, SynthSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String unit = Identifiers.requireColumn(columns, spec.unit(), source).name();
        Column timeColumn = Identifiers.requireColumn(columns, spec.time(), source);
        String time = timeColumn.name();
        TimeScale scale = PanelTime.scale(timeColumn);
        PanelTime.requireSame(timeColumn, scale, spec.timeScale(), "--treatment-time " + spec.timeScale().text(spec.treatmentTime()));
        String outcome = Identifiers.requireNumeric(columns, spec.outcome(), source).name();
        String rel = engine.relation(source);
        PanelTime.requireWholeDays(engine, rel, timeColumn, scale);
        String u = d.asText(d.ident(unit));
        String t = PanelTime.expression(d, timeColumn, scale);
        Columns panel = engine.queryColumns("SELECT " + u + " AS u, " + t + " AS t, count(*) AS n, max(" + d.finiteOrNull(d.ident(outcome))
                + ") AS y, count(" + d.finiteOrNull(d.ident(outcome)) + ") AS ny FROM " + rel + " WHERE " + d.ident(unit)
                + " IS NOT NULL AND " + d.ident(time) + " IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
        Columns.Text names = panel.text("u");
        double[] ts = panel.doubles("t");
        long[] count = panel.longs("n");
        double[] ys = panel.doubles("y");
        long[] ny = panel.longs("ny");
        TreeSet<Double> timeSet = new TreeSet<>();
        Map<String, Map<Double, Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < panel.size(); i++) {
            String name = names.get(i);
            double tt = ts[i];
            if (count[i] > 1) {
                throw new CeterisException("duplicate rows for unit '" + name + "' at " + spec.time() + " " + scale.text(tt)
                        + " (" + count[i] + " rows); the panel needs one row per unit and time: aggregate it in --sql");
            }
            timeSet.add(tt);
            values.computeIfAbsent(name, x -> new LinkedHashMap<>()).put(tt, ny[i] == 0 ? Double.NaN : ys[i]);
        }
        if (values.isEmpty()) {
            throw new CeterisException(source.describe() + " has no rows with a unit and a time");
        }
        double[] times = timeSet.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> units = new ArrayList<>(values.keySet());
        units.sort(String::compareTo);
        double[][] y = new double[units.size()][times.length];
        for (int k = 0; k < units.size(); k++) {
            Map<Double, Double> row = values.get(units.get(k));
            List<String> missing = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            for (int j = 0; j < times.length; j++) {
                Double v = row.get(times[j]);
                if (v == null) {
                    missing.add(scale.text(times[j]));
                } else if (v.isNaN()) {
                    empty.add(scale.text(times[j]));
                } else {
                    y[k][j] = v;
                }
            }
            if (!missing.isEmpty()) {
                throw new CeterisException("unbalanced panel: unit '" + units.get(k) + "' has no row for " + spec.time() + " "
                        + list(missing) + "; every unit needs a row at every time (filter the times or units in --sql)");
            }
            if (!empty.isEmpty()) {
                throw new CeterisException("outcome '" + outcome + "' is missing for unit '" + units.get(k) + "' at " + spec.time()
                        + " " + list(empty) + "; fill it or drop the unit with --exclude");
            }
        }
        SynthTraits.check(engine, source, spec.traits(), columns, u, unit, rel);
        String rows = rel + " WHERE " + d.ident(unit) + " IS NOT NULL AND " + d.ident(time) + " IS NOT NULL";
        List<PredictorSpec> traits = new ArrayList<>();
        spec.traits().forEach(c -> traits.add(new PredictorSpec(c, null, null, null)));
        List<PredictorSpec> training = spec.training() == null ? List.of() : spec.training().predictors();
        // checked in this order (predictors, traits, training), then one read of all their columns
        List<String> wanted = new ArrayList<>();
        int[] predictorColumns = columnsOf(spec.predictors(), wanted, columns, source, spec, times);
        int[] traitColumns = columnsOf(traits, wanted, columns, source, spec, times);
        int[] trainingColumns = columnsOf(training, wanted, columns, source, spec, times);
        double[][][] cells = cells(engine, wanted, units, times, u, t, rows);
        return new SynthPanel(units, times, y, means(spec.predictors(), predictorColumns, cells, units.size(), times, spec),
                means(traits, traitColumns, cells, units.size(), times, spec),
                spec.training() == null ? null : means(training, trainingColumns, cells, units.size(), times, spec));
    }

    /** Checks each predictor's column and window, adds its column to {@code names} once, and returns the index of each one's column. */
    private static int[] columnsOf(List<PredictorSpec> specs, List<String> names, List<Column> columns, Source source, SynthSpec spec,
            double[] times) {
        int[] index = new int[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            PredictorSpec p = specs.get(i);
            String col = Identifiers.requireNumeric(columns, p.column(), source).name();
            requireWindow(p, spec.treatmentTime(), times, spec.timeScale());
            if (!names.contains(col)) {
                names.add(col);
            }
            index[i] = names.indexOf(col);
        }
        return index;
    }

    /** The columns {@code names} per [column][unit][time] (NaN where missing), read in one query. */
    private static double[][][] cells(Engine engine, List<String> names, List<String> units, double[] times, String u, String t,
            String rows) {
        if (names.isEmpty()) {
            return new double[0][][];
        }
        Dialect d = engine.dialect();
        StringBuilder sql = new StringBuilder("SELECT ").append(u).append(" AS u, ").append(t).append(" AS t");
        for (int c = 0; c < names.size(); c++) {
            sql.append(", max(").append(d.finiteOrNull(d.ident(names.get(c)))).append(") AS c").append(c);
        }
        sql.append(" FROM ").append(rows).append(" GROUP BY 1, 2");
        Columns cells = engine.queryColumns(sql.toString());
        double[][][] values = new double[names.size()][units.size()][times.length];
        for (double[][] column : values) {
            for (double[] unitRow : column) {
                Arrays.fill(unitRow, Double.NaN);
            }
        }
        Map<String, Integer> unitIndex = new HashMap<>();
        for (int k = 0; k < units.size(); k++) {
            unitIndex.put(units.get(k), k);
        }
        Columns.Text rowUnits = cells.text("u");
        double[] rowTimes = cells.doubles("t");
        double[][] rowValues = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            rowValues[c] = cells.doubles("c" + c);
        }
        for (int r = 0; r < cells.size(); r++) {
            Integer k = unitIndex.get(rowUnits.get(r));
            int j = Arrays.binarySearch(times, rowTimes[r]);
            if (k != null && j >= 0) {
                for (int c = 0; c < names.size(); c++) {
                    values[c][k][j] = rowValues[c][r];
                }
            }
        }
        return values;
    }

    /**
     * Predictors (windowed means and specials; traits are pre-period means), one row per unit, each
     * mean summed here in time order, so it does not depend on the order of the rows or on how many
     * threads read them (an SQL {@code avg} adds in whatever order its threads meet the rows, which
     * can change the last bit).
     */
    private static double[][] means(List<PredictorSpec> specs, int[] columnOf, double[][][] values, int units, double[] times,
            SynthSpec spec) {
        double[][] out = new double[specs.size()][units];
        for (int i = 0; i < specs.size(); i++) {
            PredictorSpec p = specs.get(i);
            for (int k = 0; k < units; k++) {
                double[] series = values[columnOf[i]][k];
                double sum = 0;
                int count = 0;
                for (int j = 0; j < times.length; j++) {
                    if (inWindow(p, times[j], spec.treatmentTime()) && !Double.isNaN(series[j])) {
                        sum += series[j];
                        count++;
                    }
                }
                out[i][k] = count == 0 ? Double.NaN : sum / count;
            }
        }
        return out;
    }

    /** Whether time {@code x} is in the predictor's window: its one time, or from..to (to the last pre-period time by default). */
    private static boolean inWindow(PredictorSpec p, double x, double treatmentTime) {
        if (p.special()) {
            return x == p.at();
        }
        return (p.from() == null || x >= p.from()) && (p.to() == null ? x < treatmentTime : x <= p.to());
    }

    private static void requireWindow(PredictorSpec p, double treatmentTime, double[] times, TimeScale scale) {
        if (p.special()) {
            if (Arrays.stream(times).noneMatch(x -> x == p.at())) {
                throw new CeterisException("predictor '" + p.label() + "': time " + scale.text(p.at()) + " is not in the data ("
                        + scale.text(times[0]) + " to " + scale.text(times[times.length - 1]) + ")");
            }
            return;
        }
        if (Arrays.stream(times).noneMatch(x -> inWindow(p, x, treatmentTime))) {
            throw new CeterisException("predictor '" + p.label() + "': its window holds no time of the data");
        }
    }

    private static String list(List<String> items) {
        return items.size() <= 8 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 8)) + " and " + (items.size() - 8) + " more";
    }
}
