package org.ceteris.metrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.result.CeterisResult;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.studies.Params;
import org.ceteris.studies.SequentialStudy;
import org.ceteris.studies.StudySpec;

/**
 * Studies whose data are raw exposure and event logs ({@code exposures:} and {@code metrics:} instead
 * of a table with a row per unit): which methods take them, which parameters go with them, and the run.
 */
public final class MetricStudies {

    /** Scorecard parameters that keep their meaning over raw logs. */
    private static final Set<String> AB = abParameters();

    /** Sequential parameters that keep their meaning over raw logs (the looks are cut by first-exposure time). */
    private static final Set<String> SEQUENTIAL = Set.of("control", "looks", "cuts", "every", "method", "tuning", "alpha",
            "direction", "demote", "n_max");

    private MetricStudies() {
    }

    /** Those of the scorecard and of its decision; {@code better} is said on each metric's definition instead. */
    private static Set<String> abParameters() {
        Set<String> keys = new java.util.HashSet<>(Set.of("control", "split", "alpha", "correction", "slice_correction"));
        keys.addAll(org.ceteris.studies.AbStudy.decisionParameters());
        keys.remove("better");
        return Set.copyOf(keys);
    }

    /** True when the study reads raw logs. */
    public static boolean uses(StudySpec spec) {
        return MetricStudySpec.uses(spec.params());
    }

    /** The checked spec: the method takes raw logs, no per-unit settings are mixed in, every name is in the catalog. */
    public static MetricStudySpec spec(StudySpec study, MetricCatalog catalog) {
        String context = "study '" + study.name() + "'";
        boolean sequential = study.method().equals("sequential");
        if (!study.method().equals("ab") && !sequential) {
            throw new CeterisException(context + ": 'exposures:' and 'metrics:' go with method ab or sequential (method is "
                    + study.method() + ")");
        }
        if (study.table() != null || study.sql() != null || study.data() != null) {
            throw new CeterisException(context + ": with 'exposures:' the data come from the sources; leave out table, sql and data");
        }
        List<String> allowed = new ArrayList<>(MetricStudySpec.PARAMETERS);
        allowed.addAll(sequential ? SEQUENTIAL : AB);
        if (sequential) {
            allowed.remove("slices");
        }
        study.params().requireOnly(allowed);
        MetricStudySpec spec = MetricStudySpec.of(study.params(), catalog, context);
        if (sequential && spec.metrics().size() != 1) {
            throw new CeterisException(context + ": a sequential study follows one metric; list exactly one under 'metrics:'");
        }
        if (sequential && spec.metrics().get(0) instanceof MetricDef.Event e && e.quantile() != null) {
            throw new CeterisException(context + ": metric '" + e.name() + "' is a quantile; a sequential study follows a mean "
                    + "or a ratio (use method: ab for a quantile metric)");
        }
        return spec;
    }

    /** Runs the study on {@code engine}; {@code base} is the workspace folder that {@code data:} paths are relative to. */
    public static CeterisResult run(Engine engine, StudySpec study, MetricCatalog catalog, Path base) {
        MetricStudySpec spec = spec(study, catalog);
        if (!study.method().equals("sequential")) {
            return MetricAnalysis.run(engine, spec, study.params(), base);
        }
        SequentialSpec sequential = SequentialStudy.spec(sequentialParams(spec, study.params()));
        MetricTable.Built built = MetricTable.build(engine, spec, base);
        try {
            return SequentialStudy.run(engine, new Source.Table(MetricSql.UNITS), sequential);
        } finally {
            MetricTable.drop(engine, built.statements());
        }
    }

    /**
     * The parameters of {@code ceteris sequential} over the per-unit table: its variant column, the
     * first exposure as the time, the metric (with its CUPED covariate) or ratio; the direction
     * defaults to the metric's {@code better}.
     */
    static Params sequentialParams(MetricStudySpec spec, Params params) {
        Map<String, Object> values = new LinkedHashMap<>(params.asMap());
        MetricStudySpec.PARAMETERS.forEach(values::remove);
        values.put("variant", spec.exposures().variant());
        values.put("time", MetricSql.FIRST_EXPOSURE);
        MetricDef m = spec.metrics().get(0);
        if (m instanceof MetricDef.Ratio r) {
            values.put("ratio", r.name() + "=" + r.numerator() + "/" + r.denominator());
        } else {
            values.put("metric", m.name());
            if (spec.cupedDays() != null) {
                values.put("covariate", MetricStudySpec.covariateColumn(m.name()));
            }
        }
        values.putIfAbsent("direction", m.better());
        return new Params("study", values);
    }
}
