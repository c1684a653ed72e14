package org.ceteris.studies;

import java.util.Set;
import org.ceteris.dag.Dag;
import org.ceteris.dag.DagAdjust;
import org.ceteris.dag.DagAdjustResult;
import org.ceteris.dag.DagAdjustSpec;
import org.ceteris.dag.Effect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;

/**
 * The adjustment analysis of a causal DAG as a study ({@code method: dag_adjust}); it reads no
 * data. Parameters as the flags of {@code ceteris dag adjust}: {@code dag} (DAGitty text),
 * {@code exposure}, {@code outcome}, {@code effect}.
 */
public final class DagStudy extends NamedStudyMethod {

    public DagStudy() {
        super(DagAdjustResult.METHOD, Set.of("dag", "exposure", "outcome", "effect"));
    }

    public static DagAdjustSpec spec(Params p) {
        return new DagAdjustSpec(Dag.parse(p.string("dag")), p.optString("exposure"), p.optString("outcome"),
                Effect.parse(p.stringOr("effect", "total")));
    }

    @Override
    public DagAdjustResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return DagAdjust.analyze(spec(params));
    }
}
