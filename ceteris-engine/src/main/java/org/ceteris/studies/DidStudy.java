package org.ceteris.studies;

import java.util.Set;
import org.ceteris.did.Did;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidResult;
import org.ceteris.did.DidSpec;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.DidInputs;

/** Difference-in-differences as a study: parameters as the flags of {@code ceteris did}. */
public final class DidStudy extends NamedStudyMethod {

    public DidStudy() {
        super("did", Set.of("unit", "time", "outcome", "treated", "post", "first_treated", "control", "estimator",
                "covariates", "event_study", "window", "alpha"));
    }

    /** The spec from study parameters ({@code covariates} takes a list or a comma-separated string). */
    public static DidSpec spec(Params p) {
        int[] window = DidSpec.parseWindow(p.optString("window"));
        return new DidSpec(p.string("unit"), p.string("time"), p.string("outcome"), p.optString("treated"),
                p.optString("post"), p.optString("first_treated"), DidSpec.ComparisonGroup.parse(p.optString("control")),
                DidSpec.DidEstimator.parse(p.optString("estimator")), p.strings("covariates"), p.flag("event_study"),
                window == null ? null : window[0], window == null ? null : window[1], p.doubleOr("alpha", 0.05));
    }

    /** Builds the compact panel with the engine and estimates. */
    public static DidResult run(Engine engine, Source source, DidSpec spec) {
        return Did.analyze(spec, load(engine, source, spec));
    }

    /**
     * The compact panel; a caller that owns the engine may close it before {@link Did#analyze},
     * which gives DuckDB's memory for the read back.
     */
    public static DidPanel load(Engine engine, Source source, DidSpec spec) {
        return engine.stableRead(() -> DidInputs.load(engine, source, spec));
    }

    @Override
    public DidResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return run(engine, source, spec(params));
    }

    /** The average effect after the change, labelled in words (the generic label would be "estimate"). */
    @Override
    public Headline headline(org.ceteris.result.CeterisResult result) {
        Headline g = super.headline(result);
        return g == null ? null : new Headline("effect of the change, averaged after it", g.estimate(), g.ciLow(), g.ciHigh(),
                false, g.verdict());
    }
}
