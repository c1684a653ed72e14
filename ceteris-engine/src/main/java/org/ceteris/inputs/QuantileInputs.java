package org.ceteris.inputs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;
import org.ceteris.experiment.AbInput;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.MetricSpec;
import org.ceteris.experiment.quantile.QuantileStatistic;
import org.ceteris.experiment.quantile.QuantileTest;
import org.ceteris.stats.CoMoments;

/**
 * The quantile metrics' statistics, computed where the data lives: per variant the q-quantile and the
 * two order statistics that bracket it ({@link QuantileTest#ranks}, read with the dialect's
 * interpolating quantile at level (rank − 1)/(n − 1)). The ranks depend on each variant's count, known
 * from the moments already read, so all of them are one further scan: one filtered, list-valued
 * quantile aggregate (three levels, one sort) per variant and metric over the finite values (per-unit
 * sums with a unit column). About 1.5× the CPU of a bare {@code quantile_cont} at one level.
 * Cost: one scan and the engine's sort per aggregate; nothing but 3 × variants × metrics numbers
 * reaches Java.
 */
final class QuantileInputs {

    private QuantileInputs() {
    }

    static Map<String, Map<String, QuantileStatistic>> load(Engine engine, String relation, String variant, String unit,
                                                           AbSpec spec, List<String[]> pairs, AbInput input) {
        Dialect d = engine.dialect();
        StringBuilder inner = new StringBuilder();
        if (unit == null) {
            inner.append("SELECT ").append(d.asText(d.ident(variant))).append(" AS v");
            for (int k = 0; k < pairs.size(); k++) {
                inner.append(", ").append(d.finiteOrNull(d.ident(pairs.get(k)[0]))).append(" AS x").append(k);
            }
            inner.append(" FROM ").append(relation);
        } else {
            inner.append("SELECT min(").append(d.asText(d.ident(variant))).append(") AS v");
            for (int k = 0; k < pairs.size(); k++) {
                inner.append(", sum(").append(d.finiteOrNull(d.ident(pairs.get(k)[0]))).append(") AS x").append(k);
            }
            inner.append(" FROM ").append(relation).append(" WHERE ").append(d.ident(unit)).append(" IS NOT NULL GROUP BY ")
                    .append(d.ident(unit));
        }
        StringBuilder lists = new StringBuilder("SELECT count(*) AS rows_read");
        StringBuilder select = new StringBuilder("SELECT rows_read");
        for (int k = 0; k < spec.metrics().size(); k++) {
            if (!(spec.metrics().get(k) instanceof MetricSpec.Quantile q)) {
                continue;
            }
            Map<String, CoMoments> stats = input.stats().get(q.name());
            for (int i = 0; i < input.variants().size(); i++) {
                String v = input.variants().get(i);
                long n = stats.getOrDefault(v, CoMoments.EMPTY).n();
                double[] ranks = QuantileTest.ranks(Math.max(n, 1), q.q());
                double[] levels = {q.q(), QuantileTest.level(ranks[0], n), QuantileTest.level(ranks[1], n)};
                String list = "l" + k + "_" + i;
                lists.append(", ").append(d.quantiles("x" + k, levels, "v = " + d.literal(v))).append(" AS ").append(list);
                for (int j = 0; j < 3; j++) {
                    select.append(", ").append(d.element(list, j + 1)).append(" AS q").append(k).append('_').append(i).append('_').append(j);
                }
            }
        }
        lists.append(" FROM (").append(inner).append(") t");
        select.append(" FROM (").append(lists).append(") s");
        Rows rows = engine.query(select.toString());
        Map<String, Map<String, QuantileStatistic>> out = new HashMap<>();
        for (int k = 0; k < spec.metrics().size(); k++) {
            if (!(spec.metrics().get(k) instanceof MetricSpec.Quantile q)) {
                continue;
            }
            Map<String, QuantileStatistic> byVariant = new HashMap<>();
            for (int i = 0; i < input.variants().size(); i++) {
                String v = input.variants().get(i);
                long n = input.stats().get(q.name()).getOrDefault(v, CoMoments.EMPTY).n();
                String p = "q" + k + "_" + i + "_";
                byVariant.put(v, new QuantileStatistic(n, q.q(), value(rows, p + 0), value(rows, p + 1), value(rows, p + 2)));
            }
            out.put(q.name(), byVariant);
        }
        return out;
    }

    private static double value(Rows rows, String column) {
        Object o = rows.get(0, column);
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
