package org.ceteris.experiment;

import java.util.List;
import org.ceteris.decision.GuardrailResult;
import org.ceteris.experiment.bayes.BayesianEffect;
import org.ceteris.result.OmittedWhenNull;

/**
 * The scorecard rows of one metric.
 *
 * @param kind              "mean" or "ratio"
 * @param covariate         the CUPED covariate, or null
 * @param varianceReduction for CUPED the mean over comparisons of 1 − Var(adjusted)/Var(unadjusted); else null
 * @param better            "higher" or "lower": the metric's good direction
 * @param quantile          for a quantile metric its level q in (0, 1); absent otherwise
 * @param guardrail         the non-inferiority check when the metric is a guardrail; absent otherwise
 * @param bayesian          with Bayesian inference, each arm's posterior against control; absent otherwise
 */
public record MetricResult(
        String metric,
        String kind,
        String covariate,
        Double varianceReduction,
        String better,
        @OmittedWhenNull Double quantile,
        List<VariantSummary> variants,
        List<Comparison> comparisons,
        @OmittedWhenNull GuardrailResult guardrail,
        @OmittedWhenNull List<BayesianEffect> bayesian) {

    public MetricResult {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
        bayesian = bayesian == null ? null : List.copyOf(bayesian);
        better = better == null ? "higher" : better;
    }

    /** A result without direction, guardrail or Bayesian block (higher is better). */
    public MetricResult(String metric, String kind, String covariate, Double varianceReduction,
                        List<VariantSummary> variants, List<Comparison> comparisons) {
        this(metric, kind, covariate, varianceReduction, "higher", null, variants, comparisons, null, null);
    }

    public MetricResult withComparisons(List<Comparison> replaced) {
        return new MetricResult(metric, kind, covariate, varianceReduction, better, quantile, variants, replaced, guardrail, bayesian);
    }

    public MetricResult withDecisionParts(String direction, GuardrailResult g, List<BayesianEffect> b) {
        return new MetricResult(metric, kind, covariate, varianceReduction, direction, quantile, variants, comparisons, g, b);
    }
}
