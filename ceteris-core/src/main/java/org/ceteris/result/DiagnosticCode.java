package org.ceteris.result;

/**
 * Every diagnostic code Ceteris can attach to a result, in one place (as gbstats keeps its own).
 * Method issues add their codes here, grouped by method family.
 */
public enum DiagnosticCode {
    // --- data quality (any method)
    /** Rows were excluded because a needed value was missing (NULL, empty or NaN). */
    MISSING_VALUES,
    /** A group has zero variance in a metric, so its uncertainty cannot be estimated. */
    ZERO_VARIANCE,
    /** A group is too small for the requested analysis. */
    SMALL_SAMPLE,

    // --- experiments
    /** Sample-ratio mismatch: the observed split differs from the configured one (p &lt; 0.001). */
    SRM,
    /** The CUPED covariate has zero variance, so no adjustment was made. */
    CUPED_NO_VARIANCE,
    /** A ratio metric's denominator has a mean near zero; the delta method is unreliable. */
    RATIO_DENOMINATOR_NEAR_ZERO,
    /** Several comparisons were made and p-values were adjusted. */
    MULTIPLE_TESTING,

    // --- observational studies (propensity scores, matching, weighting)
    /** A covariate (or every category but one) has a single value and was left out of the models. */
    CONSTANT_COVARIATE,
    /** The covariates predict some units' treatment with certainty (quasi-complete separation). */
    PROPENSITY_SEPARATION,
    /** The propensity model did not converge. */
    PROPENSITY_NOT_CONVERGED,
    /** Some units have propensity scores outside the other group's range. */
    LIMITED_OVERLAP,
    /** The propensity score ranges of the two groups do not overlap at all. */
    NO_OVERLAP,
    /** Treated units found no control within the caliper and were left out of the estimate. */
    UNMATCHED_TREATED,
    /** Units with extreme propensity scores were trimmed before estimating. */
    TRIMMED,
    /** A few units carry a large share of a group's weight. */
    EXTREME_WEIGHTS,
    /** Covariates still differ between the groups after adjustment (|standardized difference| above 0.1). */
    IMBALANCE,
    /** A refutation test did not support the estimate. */
    REFUTATION_FAILED,
}
