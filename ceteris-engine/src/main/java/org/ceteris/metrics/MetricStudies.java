package org.ceteris.metrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.result.CeterisResult;
import org.ceteris.studies.StudySpec;

/**
 * Studies whose data are raw exposure and event logs ({@code exposures:} and {@code metrics:} instead
 * of a table with a row per unit): which methods take them, which parameters go with them, and the run.
 */
public final class MetricStudies {

    /** Scorecard parameters that keep their meaning over raw logs. */
    private static final Set<String> AB = Set.of("control", "split", "alpha", "correction", "slice_correction");

    private MetricStudies() {
    }

    /** True when the study reads raw logs. */
    public static boolean uses(StudySpec spec) {
        return MetricStudySpec.uses(spec.params());
    }

    /** The checked spec: the method takes raw logs, no per-unit settings are mixed in, every name is in the catalog. */
    public static MetricStudySpec spec(StudySpec study, MetricCatalog catalog) {
        String context = "study '" + study.name() + "'";
        if (!study.method().equals("ab")) {
            throw new CeterisException(context + ": 'exposures:' and 'metrics:' go with method ab (method is " + study.method() + ")");
        }
        if (study.table() != null || study.sql() != null || study.data() != null) {
            throw new CeterisException(context + ": with 'exposures:' the data come from the sources; leave out table, sql and data");
        }
        List<String> allowed = new ArrayList<>(MetricStudySpec.PARAMETERS);
        allowed.addAll(AB);
        study.params().requireOnly(allowed);
        return MetricStudySpec.of(study.params(), catalog, context);
    }

    /** Runs the study on {@code engine}; {@code base} is the workspace folder that {@code data:} paths are relative to. */
    public static CeterisResult run(Engine engine, StudySpec study, MetricCatalog catalog, Path base) {
        MetricStudySpec spec = spec(study, catalog);
        return MetricAnalysis.run(engine, spec, study.params(), base);
    }
}
