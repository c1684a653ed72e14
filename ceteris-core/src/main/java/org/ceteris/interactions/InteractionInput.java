package org.ceteris.interactions;

import java.util.List;
import java.util.Map;

/**
 * What the engine computes for {@link InteractionDetector}: per pair of experiments, per metric,
 * the statistics of every (arm of A, arm of B) cell; the arms seen in each experiment; and, per
 * metric, how many units were left out for a missing value.
 */
public record InteractionInput(List<CellStats> cells, Map<String, List<String>> arms, Map<String, Long> excluded) {

    public InteractionInput {
        cells = List.copyOf(cells);
        arms = Map.copyOf(arms);
        excluded = Map.copyOf(excluded);
    }
}
