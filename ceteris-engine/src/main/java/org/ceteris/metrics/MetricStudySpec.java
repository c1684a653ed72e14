package org.ceteris.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Identifiers;
import org.ceteris.studies.Params;

/**
 * What a study computes from raw logs: its exposures, the metrics it analyses (as defined in the
 * catalog), the CUPED pre-period in days (null: none) and the exposure-log columns to slice by.
 */
public record MetricStudySpec(ExposureDef exposures, List<MetricDef> metrics, Integer cupedDays, List<String> slices,
                              MetricCatalog catalog) {

    /** The study parameters that describe metrics over raw logs. */
    public static final List<String> PARAMETERS = List.of("exposures", "metrics", "cuped", "slices");

    public MetricStudySpec {
        metrics = List.copyOf(metrics);
        slices = List.copyOf(slices);
        if (metrics.isEmpty()) {
            throw new CeterisException("name at least one metric under 'metrics:'");
        }
    }

    /** True when the study's parameters use {@code exposures:} (metrics over raw logs). */
    public static boolean uses(Params p) {
        return p.has("exposures");
    }

    /** The spec from study parameters, each name checked against the catalog. */
    public static MetricStudySpec of(Params p, MetricCatalog catalog, String context) {
        if (!p.has("metrics")) {
            throw new CeterisException(context + ": a study with 'exposures:' needs 'metrics: [NAME, …]'");
        }
        ExposureDef exposures = ExposureDef.of(p.asMap().get("exposures"), context);
        catalog.source(exposures.source(), context + ": exposures");
        List<MetricDef> metrics = new ArrayList<>();
        for (String name : p.strings("metrics")) {
            MetricDef m = catalog.metric(name, context);
            if (metrics.contains(m)) {
                throw new CeterisException(context + ": metric '" + name + "' is listed twice");
            }
            metrics.add(m);
        }
        Integer cuped = p.has("cuped") ? Window.days(p.optString("cuped"), context + ": cuped") : null;
        List<String> slices = p.strings("slices");
        for (String s : slices) {
            Identifiers.requireName(s, "slice column");
        }
        return new MetricStudySpec(exposures, metrics, cuped, slices, catalog);
    }

    /** Every event metric the study needs (its own and the parts of its ratios), each once, in order. */
    public List<MetricDef.Event> events() {
        Map<String, MetricDef.Event> out = new LinkedHashMap<>();
        for (MetricDef m : metrics) {
            if (m instanceof MetricDef.Event e) {
                out.putIfAbsent(e.name(), e);
            } else {
                MetricDef.Ratio r = (MetricDef.Ratio) m;
                out.putIfAbsent(r.numerator(), (MetricDef.Event) catalog.metrics().get(r.numerator()));
                out.putIfAbsent(r.denominator(), (MetricDef.Event) catalog.metrics().get(r.denominator()));
            }
        }
        return List.copyOf(out.values());
    }

    /** The name of the CUPED covariate column of an event metric in the per-unit table. */
    public static String covariateColumn(String metric) {
        return metric + "_cuped";
    }
}
