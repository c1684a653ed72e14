package org.ceteris.dag;

import java.util.Objects;

/**
 * What {@code ceteris dag adjust} is asked: the diagram, and optionally the exposure and outcome
 * (else the nodes marked [exposure] and [outcome]) and which effect.
 */
public record DagAdjustSpec(Dag dag, String exposure, String outcome, Effect effect) {

    public DagAdjustSpec {
        Objects.requireNonNull(dag, "dag");
        effect = effect == null ? Effect.TOTAL : effect;
        if ((exposure == null) != (outcome == null)) {
            throw new org.ceteris.CeterisException("give both --exposure and --outcome, or neither (then the DAG's [exposure] and [outcome] marks are used)");
        }
    }

    /** The diagram with the requested exposure and outcome marked. */
    public Dag effectDag() {
        return exposure == null ? dag : dag.withEffect(exposure, outcome);
    }
}
