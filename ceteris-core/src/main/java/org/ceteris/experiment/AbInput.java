package org.ceteris.experiment;

import java.util.List;
import java.util.Map;
import org.ceteris.experiment.quantile.QuantileStatistic;

/**
 * The sufficient statistics an A/B/n scorecard is computed from, as the engine returns them.
 *
 * @param variants     every variant seen, in sort order
 * @param units        units per variant (all rows or units, before any metric's missing values)
 * @param stats        per metric name, per variant: joint moments (A = metric or numerator,
 *                     B = covariate or denominator; B unused for a plain mean)
 * @param excluded     per metric name, units excluded because a value was missing or not finite
 * @param unassigned   units (or rows) with no variant at all, left out of everything
 * @param excludedRows with a unit column, per metric name, rows whose value was missing or not
 *                     finite and so left out of their unit's sum (empty without a unit column)
 * @param quantiles    per quantile metric, per variant: the quantile and its bracketing order statistics
 *                     (the metric's moments in {@code stats} then describe its column)
 */
public record AbInput(
        List<String> variants,
        Map<String, Long> units,
        Map<String, Map<String, org.ceteris.stats.CoMoments>> stats,
        Map<String, Long> excluded,
        long unassigned,
        Map<String, Long> excludedRows,
        Map<String, Map<String, QuantileStatistic>> quantiles) {

    public AbInput {
        variants = List.copyOf(variants);
        units = Map.copyOf(units);
        stats = Map.copyOf(stats);
        excluded = Map.copyOf(excluded);
        excludedRows = excludedRows == null ? Map.of() : Map.copyOf(excludedRows);
        quantiles = quantiles == null ? Map.of() : Map.copyOf(quantiles);
    }

    /** No quantile metric. */
    public AbInput(List<String> variants, Map<String, Long> units, Map<String, Map<String, org.ceteris.stats.CoMoments>> stats,
                   Map<String, Long> excluded, long unassigned, Map<String, Long> excludedRows) {
        this(variants, units, stats, excluded, unassigned, excludedRows, Map.of());
    }

    /** The same input with each quantile metric's per-variant order statistics. */
    public AbInput withQuantiles(Map<String, Map<String, QuantileStatistic>> q) {
        return new AbInput(variants, units, stats, excluded, unassigned, excludedRows, q);
    }

    /** Rows are units: no row is left out of a unit's sum. */
    public AbInput(List<String> variants, Map<String, Long> units, Map<String, Map<String, org.ceteris.stats.CoMoments>> stats,
                   Map<String, Long> excluded, long unassigned) {
        this(variants, units, stats, excluded, unassigned, Map.of());
    }
}
