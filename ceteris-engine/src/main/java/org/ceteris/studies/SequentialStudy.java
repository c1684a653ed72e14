package org.ceteris.studies;

import java.util.Set;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.SequentialInputs;
import org.ceteris.sequential.Direction;
import org.ceteris.sequential.SequentialAnalysis;
import org.ceteris.sequential.SequentialResult;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.sequential.SequentialTest;

/** The replay of a sequential test as a study: parameters as the flags of {@code ceteris sequential}. */
public final class SequentialStudy extends NamedStudyMethod {

    public SequentialStudy() {
        super("sequential", Set.of("variant", "control", "metric", "ratio", "covariate", "time", "looks", "cuts", "every", "method",
                "tuning", "alpha", "direction", "demote", "n_max", "exposures", "metrics", "cuped"));
    }

    /** The spec from study parameters. */
    public static SequentialSpec spec(Params p) {
        Integer looks = p.has("looks") ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.longOr("looks", 0))) : null;
        Double every = p.has("every") ? p.doubleOr("every", 1) : null;
        return new SequentialSpec(p.string("variant"), p.optString("control"),
                SequentialSpec.metric(p.optString("metric"), p.optString("ratio"), p.optString("covariate")),
                p.string("time"), SequentialSpec.schedule(looks, every, p.optString("cuts")),
                SequentialTest.Method.parse(p.stringOr("method", "cs")), p.doubleOr("tuning", SequentialSpec.DEFAULT_TUNING),
                p.doubleOr("alpha", 0.05), Direction.parse(p.stringOr("direction", "higher")), p.flag("demote"),
                p.has("n_max") ? p.longOr("n_max", 0) : null);
    }

    /** Reads the per-look statistics with the engine and replays the test. */
    public static SequentialResult run(Engine engine, Source source, SequentialSpec spec) {
        return SequentialAnalysis.analyze(spec, engine.stableRead(() -> SequentialInputs.load(engine, source, spec)));
    }

    @Override
    public SequentialResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        if (params.has("exposures")) {
            throw new org.ceteris.CeterisException("a study with 'exposures:' runs in a workspace, whose ceteris.yaml defines its sources and metrics");
        }
        return run(engine, source, spec(params));
    }

    /**
     * The winner's difference from control at the last look, or without a winner the arm furthest
     * from control there (the result has no single top-level estimate).
     */
    @Override
    public Headline headline(org.ceteris.result.CeterisResult result) {
        SequentialResult r = (SequentialResult) result;
        if (r.looks().isEmpty()) {
            return null;
        }
        String winner = r.decision() == null ? null : r.decision().winner();
        SequentialResult.Arm best = null;
        for (SequentialResult.Arm a : r.looks().get(r.looks().size() - 1).arms()) {
            if (a.estimate() == null || a.ciLow() == null || a.ciHigh() == null) {
                continue;
            }
            if (a.variant().equals(winner)) {
                best = a;
                break;
            }
            if (best == null || Math.abs(a.estimate()) > Math.abs(best.estimate())) {
                best = a;
            }
        }
        if (best == null) {
            return null;
        }
        return new Headline(best.variant() + " vs control", best.estimate(), best.ciLow(), best.ciHigh(), false,
                Headline.verdict(best.ciLow(), best.ciHigh(), result));
    }
}
