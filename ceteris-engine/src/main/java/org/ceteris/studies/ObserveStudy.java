package org.ceteris.studies;

import java.util.Set;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.ObservationalInputs;
import org.ceteris.observational.Estimand;
import org.ceteris.observational.Method;
import org.ceteris.observational.ObservationalAnalysis;
import org.ceteris.observational.ObserveResult;
import org.ceteris.observational.ObserveSpec;

/** Propensity matching and weighting as a study: parameters as the flags of {@code ceteris observe}. */
public final class ObserveStudy implements StudyMethod {

    @Override
    public String name() {
        return "observe";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("treatment", "outcome", "covariates", "method", "estimand", "ratio", "replace", "caliper", "trim",
                "refute", "seed", "alpha");
    }

    /** The spec from study parameters; {@code covariates} and {@code refute} take lists. */
    public static ObserveSpec spec(Params p) {
        long ratio = p.longOr("ratio", 1);
        if (ratio < 1 || ratio > 100) {
            throw new org.ceteris.CeterisException("observe: parameter 'ratio' must be between 1 and 100, got " + ratio);
        }
        return new ObserveSpec(p.string("treatment"), p.string("outcome"), p.strings("covariates"),
                Method.parse(p.optString("method")), Estimand.parse(p.optString("estimand")), (int) ratio,
                p.flag("replace"), p.doubleOr("caliper", Double.NaN), p.doubleOr("trim", 0), p.strings("refute"),
                p.longOr("seed", 1), p.doubleOr("alpha", 0.05));
    }

    /** Reads the unit-level columns with the engine and runs the analysis. */
    public static ObserveResult run(Engine engine, Source source, ObserveSpec spec) {
        ObservationalInputs.Loaded in = ObservationalInputs.load(engine, source, spec);
        return ObservationalAnalysis.analyze(spec, in.data(), in.excludedRows());
    }

    @Override
    public ObserveResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return run(engine, source, spec(params));
    }
}
