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

    // --- sequential tests
    /** A look of the schedule had no units and was skipped. */
    EMPTY_LOOK,
    /** An arm had too few units (or no variance) to be compared at some looks. */
    ARM_NOT_ESTIMABLE,
    /** The mSPRT's running intersection of intervals became empty: the effect seems to change over time. */
    INTERVAL_EMPTY,
    /** Data past the planned maximum number of units were not looked at. */
    BEYOND_N_MAX,
    /** A simulation has no arm with a true effect of zero, so it has no false-positive rate. */
    NO_NULL_ARM,
}
