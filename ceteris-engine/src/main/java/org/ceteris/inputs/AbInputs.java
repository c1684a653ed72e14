package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbInput;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.MetricSpec;
import org.ceteris.stats.CoMoments;

/**
 * The SQL that turns an experiment table into the scorecard's sufficient statistics: one scan,
 * grouped by variant, with DuckDB's numerically stable {@code avg}, {@code var_samp} and
 * {@code covar_samp} (never Σy² − (Σy)²/n). With a unit column, rows are first summed per unit.
 * Values that are NULL, NaN or infinite are excluded per metric and counted. On engines that
 * aggregate in parallel partitions ({@link Dialect#partitionId()}), the statistics come back per
 * variant and partition and are merged here in partition order with Chan et al.'s (1979)
 * parallel update ({@link CoMoments#merge}), so the result does not depend on the partitioning
 * beyond rounding (cost: one row per variant and partition).
 */
public final class AbInputs {

    private AbInputs() {
    }

    public static AbInput load(Engine engine, Source source, AbSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String variant = Identifiers.requireColumn(columns, spec.variant(), source).name();
        String unit = spec.unit() == null ? null : Identifiers.requireColumn(columns, spec.unit(), source).name();
        List<String[]> pairs = new ArrayList<>(); // per metric: {a column, b column or null}
        for (MetricSpec m : spec.metrics()) {
            if (m instanceof MetricSpec.Ratio r) {
                pairs.add(new String[] {numeric(columns, r.numerator(), source), numeric(columns, r.denominator(), source)});
            } else {
                MetricSpec.Mean mean = (MetricSpec.Mean) m;
                pairs.add(new String[] {numeric(columns, mean.column(), source),
                        mean.covariate() == null ? null : numeric(columns, mean.covariate(), source)});
            }
        }
        String sql = unit == null ? rowLevel(d, engine.relation(source), variant, pairs)
                : unitLevel(d, engine.relation(source), variant, unit, pairs);
        Rows rows = engine.query(sql);
        return toInput(spec, rows, unit != null);
    }

    private static String numeric(List<Column> columns, String name, Source source) {
        return Identifiers.requireNumeric(columns, name, source).name();
    }

    /** Each row is a unit. */
    static String rowLevel(Dialect d, String relation, String variant, List<String[]> pairs) {
        StringBuilder inner = new StringBuilder("SELECT ").append(d.asText(d.ident(variant))).append(" AS v");
        for (int k = 0; k < pairs.size(); k++) {
            appendPair(inner, d, k, d.finiteOrNull(d.ident(pairs.get(k)[0])),
                    pairs.get(k)[1] == null ? null : d.finiteOrNull(d.ident(pairs.get(k)[1])));
        }
        partition(inner, d);
        inner.append(" FROM ").append(relation);
        return aggregate(d, inner.toString(), pairs.size(), "0", d.partitionId() != null);
    }

    /** Rows are summed per unit first; a unit in two variants is counted and rejected. */
    static String unitLevel(Dialect d, String relation, String variant, String unit, List<String[]> pairs) {
        StringBuilder perUnit = new StringBuilder("SELECT ").append(d.ident(unit)).append(" AS u, min(")
                .append(d.asText(d.ident(variant))).append(") AS v, count(DISTINCT ")
                .append(d.ident(variant)).append(") AS nv");
        for (int k = 0; k < pairs.size(); k++) {
            perUnit.append(", sum(").append(d.finiteOrNull(d.ident(pairs.get(k)[0]))).append(") AS s").append(k).append("a");
            if (pairs.get(k)[1] != null) {
                perUnit.append(", sum(").append(d.finiteOrNull(d.ident(pairs.get(k)[1]))).append(") AS s").append(k).append("b");
            }
        }
        perUnit.append(" FROM ").append(relation).append(" WHERE ").append(d.ident(unit)).append(" IS NOT NULL GROUP BY 1");
        StringBuilder inner = new StringBuilder("SELECT v, nv");
        for (int k = 0; k < pairs.size(); k++) {
            appendPair(inner, d, k, "s" + k + "a", pairs.get(k)[1] == null ? null : "s" + k + "b");
        }
        partition(inner, d);
        inner.append(" FROM (").append(perUnit).append(") pu");
        return aggregate(d, inner.toString(), pairs.size(), "sum(CASE WHEN nv > 1 THEN 1 ELSE 0 END)", d.partitionId() != null);
    }

    private static void appendPair(StringBuilder sb, Dialect d, int k, String a, String b) {
        if (b == null) {
            sb.append(", ").append(a).append(" AS a").append(k).append(", CAST(NULL AS DOUBLE) AS b").append(k);
        } else {
            String both = "(" + a + " IS NOT NULL AND " + b + " IS NOT NULL)";
            sb.append(", CASE WHEN ").append(both).append(" THEN ").append(a).append(" END AS a").append(k)
                    .append(", CASE WHEN ").append(both).append(" THEN ").append(b).append(" END AS b").append(k);
        }
    }

    private static void partition(StringBuilder inner, Dialect d) {
        if (d.partitionId() != null) {
            inner.append(", ").append(d.partitionId()).append(" AS p");
        }
    }

    private static String aggregate(Dialect d, String inner, int metrics, String multiVariant, boolean partitioned) {
        StringBuilder sb = new StringBuilder(partitioned ? "SELECT v, p" : "SELECT v").append(", count(*) AS units, ")
                .append(multiVariant).append(" AS multi");
        for (int k = 0; k < metrics; k++) {
            sb.append(", count(a").append(k).append(") AS n").append(k)
                    .append(", avg(a").append(k).append(") AS ma").append(k)
                    .append(", var_samp(a").append(k).append(") AS va").append(k)
                    .append(", avg(b").append(k).append(") AS mb").append(k)
                    .append(", var_samp(b").append(k).append(") AS vb").append(k)
                    .append(", covar_samp(a").append(k).append(", b").append(k).append(") AS cab").append(k);
            if (partitioned) {
                for (String x : new String[] {"a", "b"}) {
                    sb.append(", ").append(d.exactSum(ExactSum.hi(x + k))).append(" AS h").append(x).append(k)
                            .append(", sum(").append(ExactSum.lo(x + k)).append(") AS l").append(x).append(k);
                }
            }
        }
        sb.append(" FROM (").append(inner).append(partitioned ? ") t GROUP BY v, p ORDER BY v, p" : ") t GROUP BY v ORDER BY v");
        return sb.toString();
    }

    private static AbInput toInput(AbSpec spec, Rows rows, boolean perUnit) {
        List<String> variants = new ArrayList<>();
        Map<String, Long> units = new HashMap<>();
        Map<String, Map<String, CoMoments>> stats = new HashMap<>();
        Map<String, Long> excluded = new HashMap<>();
        Map<String, ExactSum[]> exact = new HashMap<>();
        boolean partitioned = rows.columns().contains("p");
        long unassigned = 0;
        long multi = 0;
        for (int i = 0; i < rows.size(); i++) {
            String v = rows.getString(i, "v");
            long n = rows.getLong(i, "units");
            multi += rows.getLong(i, "multi");
            if (v == null) {
                unassigned += n;
                continue;
            }
            if (!units.containsKey(v)) {
                variants.add(v);
            }
            units.merge(v, n, Long::sum); // several rows per variant only on partitioned engines, in partition order
            for (int k = 0; k < spec.metrics().size(); k++) {
                String name = spec.metrics().get(k).name();
                long nk = rows.getLong(i, "n" + k);
                excluded.merge(name, n - nk, Long::sum);
                CoMoments cm = nk == 0 ? CoMoments.EMPTY : CoMoments.ofVariances(nk,
                        rows.getDouble(i, "ma" + k), zeroIfNaN(rows.getDouble(i, "mb" + k)),
                        zeroIfNaN(rows.getDouble(i, "va" + k)), zeroIfNaN(rows.getDouble(i, "vb" + k)),
                        zeroIfNaN(rows.getDouble(i, "cab" + k)));
                stats.computeIfAbsent(name, x -> new HashMap<>()).merge(v, cm, CoMoments::merge);
                if (partitioned && nk > 0) {
                    ExactSum[] sums = exact.computeIfAbsent(name + '\u0000' + v, x -> new ExactSum[] {new ExactSum(), new ExactSum()});
                    sums[0].add(rows.get(i, "ha" + k), rows.getDouble(i, "la" + k));
                    sums[1].add(rows.get(i, "hb" + k), rows.getDouble(i, "lb" + k));
                }
            }
        }
        if (partitioned) { // Chan's merge for the centred sums, the exactly summed means for the means
            for (Map.Entry<String, ExactSum[]> e : exact.entrySet()) {
                String[] key = e.getKey().split("\u0000", 2);
                Map<String, CoMoments> byVariant = stats.get(key[0]);
                CoMoments cm = byVariant.get(key[1]);
                byVariant.put(key[1], new CoMoments(cm.n(), e.getValue()[0].mean(cm.n(), cm.meanA()),
                        e.getValue()[1].mean(cm.n(), cm.meanB()), cm.m2A(), cm.m2B(), cm.cAB()));
            }
        }
        if (multi > 0) {
            throw new CeterisException(multi + " unit(s) appear in more than one variant of '" + spec.variant()
                    + "'; each unit must stay in one variant (check the assignment, or analyse without --unit)");
        }
        variants.sort(String::compareTo);
        for (MetricSpec m : spec.metrics()) {
            stats.computeIfAbsent(m.name(), x -> new HashMap<>());
        }
        return new AbInput(variants, units, stats, excluded, unassigned);
    }

    private static double zeroIfNaN(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }
}
