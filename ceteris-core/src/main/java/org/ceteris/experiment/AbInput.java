package org.ceteris.experiment;

import java.util.List;
import java.util.Map;

/**
 * The sufficient statistics an A/B/n scorecard is computed from, as the engine returns them.
 *
 * @param variants     every variant seen, in sort order
 * @param units        units per variant (all rows or units, before any metric's missing values)
 * @param stats        per metric name, per variant: joint moments (A = metric or numerator,
 *                     B = covariate or denominator; B unused for a plain mean)
 * @param excluded     per metric name, units excluded because a value was missing or not finite
 * @param unassigned   units (or rows) with no variant at all, left out of everything
 */
public record AbInput(
        List<String> variants,
        Map<String, Long> units,
        Map<String, Map<String, org.ceteris.stats.CoMoments>> stats,
        Map<String, Long> excluded,
        long unassigned) {

    public AbInput {
        variants = List.copyOf(variants);
        units = Map.copyOf(units);
        stats = Map.copyOf(stats);
        excluded = Map.copyOf(excluded);
    }
}
