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
    /** Units exposed to more than one variant were left out of the analysis (metrics over exposure logs). */
    MULTIPLE_EXPOSURES,
    /** Units whose metric window had not ended by the latest event were left out of that metric. */
    INCOMPLETE_WINDOW,

    // --- difference-in-differences (org.ceteris.did)
    /** Plain two-way fixed effects under staggered adoption: estimates can carry negative weights. */
    DID_TWFE_STAGGERED,
    /** The joint test of the pre-period effects rejects: trends before the change were not parallel. */
    DID_PRETREND,
    /** More pre-period effects than units: the joint pre-trend test cannot be computed. */
    DID_PRETREND_UNTESTABLE,
    /** Units treated from the first observed period were left out of Callaway &amp; Sant'Anna. */
    DID_ALREADY_TREATED,
    /** Units missing in some period were left out to keep a balanced panel. */
    DID_UNBALANCED_PANEL,
    // --- interactions between concurrent experiments (issue 8)
    /** Two experiments interact: one's effect depends on the other's arm (after the correction). */
    INTERACTION,
    /** Two experiments share too few units to check their interaction (e.g. one namespace). */
    NO_OVERLAP,
    // --- causal DAGs (org.ceteris.dag)
    /** No set of measured variables removes the confounding and no front-door set exists: the effect is not identifiable. */
    DAG_NOT_IDENTIFIABLE,
    /** No adjustment set exists, but the effect is identified by the front-door formula. */
    DAG_FRONTDOOR_ONLY,
    /** The exposure has no directed path to the outcome: the diagram says the effect is zero. */
    DAG_NO_CAUSAL_PATH,
    /** Nodes marked [adjusted] are mediators or descendants of them (or of the outcome) and may not be adjusted for. */
    DAG_ADJUSTED_FORBIDDEN,
    /** More minimal adjustment sets exist than were listed. */
    DAG_SETS_TRUNCATED,
    /** The diagram implies no testable independence (every pair of measured variables is connected). */
    DAG_NO_IMPLICATIONS,
    /** The data contradict one or more independences the diagram implies. */
    DAG_IMPLICATION_REJECTED,
    /** A partial correlation could not be computed (a variable is constant or a linear function of others). */
    DAG_SINGULAR,
    /** Contingency tables have small expected counts (below 5), so the chi-squared test is approximate. */
    DAG_SPARSE_TABLE,
    /** observe --dag: the covariates were chosen from the diagram (which, and why the others were not). */
    DAG_ADJUSTMENT_SET,
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
    // --- geo test design (org.ceteris.synth.GeoDesign)
    /** Few past windows to simulate the test in: each power moves in coarse steps. */
    GEO_FEW_BACKTESTS,
    /** No lift on the grid reaches 80% power: the planned test would not be informative. */
    GEO_NO_MDE,
    /** With no lift, the simulated tests reject far more often than alpha. */
    GEO_FALSE_POSITIVES,
    /** Too many combinations to try: sets came from a greedy beam search. */
    GEO_BEAM_SEARCH,
}
