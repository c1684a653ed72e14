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

    // --- synthetic control (org.ceteris.synth)
    /** The synthetic unit tracks the treated one poorly before treatment, so the gap after it is hard to read. */
    SYNTH_POOR_PRE_FIT,
    /** A predictor of the treated unit lies outside the donors' range: no weighted average can match it. */
    SYNTH_OUTSIDE_DONOR_RANGE,
    /** Placebos with a much worse pre-treatment fit than the treated unit were left out of the comparison. */
    SYNTH_PLACEBOS_FILTERED,
    /** Too few placebo units for the comparison to call any gap unusual. */
    SYNTH_FEW_PLACEBOS,
    /** A fake, earlier treatment date also shows a sizeable gap. */
    SYNTH_IN_TIME_PLACEBO_GAP,
    /** Dropping one donor changes the estimated effect a lot. */
    SYNTH_LEAVE_ONE_OUT_UNSTABLE,
    /** Augmented weights are negative for some donors: the estimate extrapolates beyond the donors. */
    SYNTH_NEGATIVE_WEIGHTS,
}
