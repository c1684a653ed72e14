package org.ceteris.experiment;

import java.util.List;

/**
 * The scorecard rows of one metric.
 *
 * @param kind              "mean" or "ratio"
 * @param covariate         the CUPED covariate, or null
 * @param varianceReduction for CUPED the mean over comparisons of 1 − Var(adjusted)/Var(unadjusted); else null
 */
public record MetricResult(
        String metric,
        String kind,
        String covariate,
        Double varianceReduction,
        List<VariantSummary> variants,
        List<Comparison> comparisons) {

    public MetricResult {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }
}
