package org.ceteris.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbResult;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.experiment.Scorecard;
import org.ceteris.inputs.AbInputs;
import org.ceteris.json.Json;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.sequential.Direction;
import org.ceteris.stats.CochranQ;
import org.ceteris.stats.MultipleTesting;
import org.ceteris.studies.AbStudy;
import org.ceteris.studies.Params;

/**
 * The A/B/n scorecard of a study over raw logs: builds the per-unit table in the engine
 * ({@link MetricTable}), reads its per-variant sufficient statistics with the same code as
 * {@code ceteris ab} ({@link AbInputs}) and computes the same scorecard ({@link Scorecard}); so the
 * result is the {@code ab} result of that table. With slices, the scorecard of each value of each
 * slice column (p-values adjusted across every slice, BH by default) and Cochran's Q of whether each
 * effect differs across the values. Cost in the engine: one scan per source, then one scan of the
 * per-unit table per slice value; in Java O(variants × metrics × slice values).
 */
public final class MetricAnalysis {

    private MetricAnalysis() {
    }

    /**
     * The scorecard's spec over the per-unit table: means (with their CUPED covariate) first, then ratios,
     * then quantiles of the per-unit values, as {@code ab}; each metric's {@code better:} becomes the scorecard's direction for it (summaries,
     * decision, chance to win), as {@code --better} would.
     */
    public static AbSpec abSpec(MetricStudySpec spec, Params params) {
        AbSpec ab = unitSpec(spec, params);
        DecisionSpec d = ab.decision();
        Map<String, Direction> better = new LinkedHashMap<>();
        spec.metrics().forEach(m -> better.put(m.name(), Direction.parse(m.better())));
        DecisionSpec withDirections = new DecisionSpec(better, d.guardrails(), d.inference(), d.effectScale(), d.prior(), d.goal(),
                d.plannedUnits(), d.targetMde(), d.daysRunning());
        return new AbSpec(ab.variant(), ab.control(), ab.unit(), ab.metrics(), ab.split(), ab.alpha(), ab.correction(), withDirections);
    }

    private static AbSpec unitSpec(MetricStudySpec spec, Params params) {
        AbSpecBuilder b = AbStudy.options(params, new AbSpecBuilder().variant(spec.exposures().variant()));
        for (MetricDef m : spec.metrics()) {
            if (m instanceof MetricDef.Ratio r) {
                b.ratio(r.name() + "=" + r.numerator() + "/" + r.denominator());
            } else if (m instanceof MetricDef.Event e && e.quantile() != null) {
                // no CUPED for a quantile (its covariate is still in the per-unit table); an event-level quantile's
                // column holds each unit's event count, its statistics come from the events (EventQuantiles)
                b.quantile(e.name(), e.name(), e.quantile());
            } else {
                b.metric(m.name());
                if (spec.cupedDays() != null) {
                    b.covariate(m.name() + "=" + MetricStudySpec.covariateColumn(m.name()));
                }
            }
        }
        return b.build();
    }

    public static MetricsResult run(Engine engine, MetricStudySpec spec, Params params, Path base) {
        AbSpec ab = abSpec(spec, params);
        MetricTable.Built built = MetricTable.build(engine, spec, base);
        try {
            return analyze(engine, spec, params, ab, built);
        } finally {
            MetricTable.drop(engine, built.statements());
        }
    }

    private static MetricsResult analyze(Engine engine, MetricStudySpec spec, Params params, AbSpec ab, MetricTable.Built built) {
        if (built.units() == 0) {
            throw new CeterisException("no unit of " + spec.exposures().source() + " was exposed to exactly one variant"
                    + (spec.exposures().experiment() == null ? "" : " of experiment '" + spec.exposures().experiment() + "'")
                    + "; check the exposures: settings");
        }
        AbResult result = Scorecard.analyze(ab, EventQuantiles.apply(engine, spec, AbInputs.load(engine, new Source.Table(MetricSql.UNITS), ab), null));
        Map<String, MetricDef> byName = new LinkedHashMap<>();
        spec.metrics().forEach(m -> byName.put(m.name(), m));
        List<MetricsResult.Metric> metrics = new ArrayList<>();
        for (var m : result.metrics()) {
            MetricDef def = byName.get(m.metric());
            metrics.add(new MetricsResult.Metric(def.better(), incomplete(def, built.incomplete()), def.definition()));
        }
        List<Diagnostic> extra = new ArrayList<>();
        if (built.multipleExposures() > 0) {
            extra.add(Diagnostic.warning(DiagnosticCode.MULTIPLE_EXPOSURES, built.multipleExposures()
                    + " unit(s) were exposed to more than one variant and were left out of the analysis."));
        }
        List<MetricsResult.Slice> slices = new ArrayList<>();
        List<MetricsResult.Heterogeneity> heterogeneity = new ArrayList<>();
        if (!spec.slices().isEmpty()) {
            slices(engine, spec, params, ab, slices, heterogeneity);
        }
        return new MetricsResult(result, metrics, extra, slices, heterogeneity, !spec.slices().isEmpty());
    }

    /** Units left out of a metric because a window had not ended: for a ratio, those of either part. */
    private static Long incomplete(MetricDef def, Map<String, Long> incomplete) {
        if (def instanceof MetricDef.Ratio r) {
            return Math.max(incomplete.getOrDefault(r.numerator(), 0L), incomplete.getOrDefault(r.denominator(), 0L));
        }
        return incomplete.getOrDefault(def.name(), 0L);
    }

    private static void slices(Engine engine, MetricStudySpec spec, Params params, AbSpec ab, List<MetricsResult.Slice> out,
                               List<MetricsResult.Heterogeneity> heterogeneity) {
        var d = engine.dialect();
        MultipleTesting.Correction correction = MultipleTesting.Correction.parse(params.stringOr("slice_correction", "bh"));
        AbSpec perSlice = new AbSpec(ab.variant(), ab.control(), null, ab.metrics(), ab.split(), ab.alpha(), MultipleTesting.Correction.NONE);
        List<ObjectNode> comparisons = new ArrayList<>();
        List<String[]> keys = new ArrayList<>(); // column, metric, variant of each comparison
        List<double[]> effects = new ArrayList<>(); // estimate, se
        for (String column : spec.slices()) {
            Rows values = engine.query("SELECT " + d.ident(column) + " AS v, count(*) AS n FROM " + MetricSql.UNITS
                    + " WHERE " + d.ident(column) + " IS NOT NULL GROUP BY 1 ORDER BY 1");
            for (int i = 0; i < values.size(); i++) {
                String value = values.getString(i, "v");
                long n = values.getLong(i, "n");
                String where = d.ident(column) + " = " + d.literal(value);
                Source rows = new Source.Query("SELECT * FROM " + MetricSql.UNITS + " WHERE " + where);
                AbResult r;
                try {
                    r = Scorecard.analyze(perSlice, EventQuantiles.apply(engine, spec, AbInputs.load(engine, rows, perSlice), where));
                } catch (CeterisException e) {
                    out.add(new MetricsResult.Slice(column, value, n, Json.mapper().createArrayNode(), "not analysed: " + e.getMessage()));
                    continue;
                }
                ArrayNode metrics = Json.mapper().valueToTree(r.metrics());
                for (int k = 0; k < metrics.size(); k++) {
                    ObjectNode m = (ObjectNode) metrics.get(k);
                    for (JsonNode c : m.get("comparisons")) {
                        comparisons.add((ObjectNode) c);
                        keys.add(new String[] {column, m.get("metric").asText(), c.get("variant").asText()});
                        effects.add(new double[] {c.get("estimate").asDouble(Double.NaN), c.get("se").asDouble(Double.NaN)});
                    }
                    m.put("better", better(spec, m.get("metric").asText()));
                }
                out.add(new MetricsResult.Slice(column, value, n, metrics, null));
            }
        }
        double[] p = new double[comparisons.size()];
        for (int i = 0; i < p.length; i++) {
            JsonNode pv = comparisons.get(i).get("p_value");
            p[i] = pv == null || pv.isNull() ? Double.NaN : pv.asDouble();
        }
        double[] adjusted = MultipleTesting.adjust(p, correction);
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(adjusted[i])) {
                comparisons.get(i).putNull("p_adjusted");
            } else {
                comparisons.get(i).put("p_adjusted", adjusted[i]);
            }
        }
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            groups.computeIfAbsent(String.join("\u0000", keys.get(i)), k -> new ArrayList<>()).add(effects.get(i));
        }
        for (Map.Entry<String, List<double[]>> g : groups.entrySet()) {
            String[] key = g.getKey().split("\u0000", -1);
            double[] est = g.getValue().stream().mapToDouble(x -> x[0]).toArray();
            double[] se = g.getValue().stream().mapToDouble(x -> x[1]).toArray();
            CochranQ.Result q = CochranQ.test(est, se);
            if (q != null) {
                heterogeneity.add(new MetricsResult.Heterogeneity(key[0], key[1], key[2], q.q(), q.df(), q.pValue()));
            }
        }
    }

    private static String better(MetricStudySpec spec, String metric) {
        return spec.metrics().stream().filter(m -> m.name().equals(metric)).findFirst().map(MetricDef::better).orElse("higher");
    }
}
