package org.ceteris.metrics;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;
import org.ceteris.experiment.AbInput;
import org.ceteris.experiment.quantile.ClusteredQuantile;
import org.ceteris.experiment.quantile.QuantileStatistic;
import org.ceteris.experiment.quantile.QuantileTest;

/**
 * The statistics of {@code quantile_level: event} metrics, computed where the events are
 * ({@link MetricSql#eventsTable}): per variant the q-quantile of the events' values, then the six
 * integer sums of the clustered bracket ({@link ClusteredQuantile}: per unit, its events and those at
 * most the quantile), then the two order statistics at the bracket's ranks. Two queries per metric
 * (plus one sort per variant for the bracket); a handful of numbers per variant reach Java.
 */
final class EventQuantiles {

    private EventQuantiles() {
    }

    /** {@code input} with each event-level quantile metric's statistics in place of those of its per-unit event counts. */
    static AbInput apply(Engine engine, MetricStudySpec spec, AbInput input, String where) {
        Map<String, Map<String, QuantileStatistic>> all = new HashMap<>(input.quantiles());
        for (MetricDef.Event m : spec.events()) {
            if (m.perEvent()) {
                all.put(m.name(), load(engine, spec, m, input.variants(), where));
            }
        }
        return input.withQuantiles(all);
    }

    static Map<String, QuantileStatistic> load(Engine engine, MetricStudySpec spec, MetricDef.Event m, List<String> variants, String where) {
        Dialect d = engine.dialect();
        String table = MetricSql.eventsTable(m.name());
        String variant = d.ident(spec.exposures().variant());
        String unit = d.ident(spec.exposures().unit());
        String value = MetricSql.EVENT_VALUE;
        String filter = where == null ? "" : " WHERE " + where;
        double q = m.quantile();
        String sql = "WITH ev AS (SELECT " + variant + " AS v, " + unit + " AS u, " + value + " AS y FROM " + table + filter + "),\n"
                + "qs AS (SELECT v, count(*) AS events, " + d.quantile("y", q) + " AS qv FROM ev GROUP BY v),\n"
                + "pu AS (SELECT ev.v AS v, ev.u AS u, sum(CASE WHEN ev.y <= qs.qv THEN 1 ELSE 0 END) AS s, count(*) AS n\n"
                + "  FROM ev JOIN qs ON qs.v = ev.v GROUP BY ev.v, ev.u)\n"
                + "SELECT pu.v AS v, min(qs.events) AS events, min(qs.qv) AS qv, count(*) AS units, sum(pu.s) AS s, sum(pu.n) AS n,\n"
                + "  sum(pu.s * pu.s) AS ss, sum(pu.n * pu.n) AS nn, sum(pu.s * pu.n) AS sn\n"
                + "FROM pu JOIN qs ON qs.v = pu.v GROUP BY pu.v";
        Rows r = engine.query(sql);
        Map<String, double[]> levels = new HashMap<>();
        Map<String, Object[]> found = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String v = r.getString(i, "v");
            long events = r.getLong(i, "events");
            ClusteredQuantile.Moments mo = new ClusteredQuantile.Moments(r.getLong(i, "units"), big(r, i, "s"), big(r, i, "n"),
                    big(r, i, "ss"), big(r, i, "nn"), big(r, i, "sn"));
            double[] ranks = ClusteredQuantile.ranks(events, q, mo);
            levels.put(v, new double[] {QuantileTest.level(ranks[0], events), QuantileTest.level(ranks[1], events)});
            found.put(v, new Object[] {events, r.getDouble(i, "qv")});
        }
        Map<String, QuantileStatistic> out = new HashMap<>();
        if (found.isEmpty()) {
            variants.forEach(v -> out.put(v, new QuantileStatistic(0, q, Double.NaN, Double.NaN, Double.NaN)));
            return out;
        }
        StringBuilder lists = new StringBuilder("SELECT count(*) AS rows_read");
        StringBuilder select = new StringBuilder("SELECT rows_read");
        List<String> withEvents = variants.stream().filter(found::containsKey).toList();
        for (int i = 0; i < withEvents.size(); i++) {
            String v = withEvents.get(i);
            lists.append(", ").append(d.quantiles(value, levels.get(v), variant + " = " + d.literal(v))).append(" AS l").append(i);
            select.append(", ").append(d.element("l" + i, 1)).append(" AS lo").append(i).append(", ").append(d.element("l" + i, 2))
                    .append(" AS hi").append(i);
        }
        lists.append(" FROM ").append(table).append(filter);
        Rows b = engine.query(select.append(" FROM (").append(lists).append(") t").toString());
        for (String v : variants) {
            int i = withEvents.indexOf(v);
            if (i < 0) {
                out.put(v, new QuantileStatistic(0, q, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            Object[] f = found.get(v);
            out.put(v, new QuantileStatistic((Long) f[0], q, (Double) f[1], b.getDouble(0, "lo" + i), b.getDouble(0, "hi" + i)));
        }
        return out;
    }

    private static BigInteger big(Rows r, int row, String column) {
        Object o = r.get(row, column);
        return o == null ? BigInteger.ZERO : new BigInteger(o.toString());
    }
}
