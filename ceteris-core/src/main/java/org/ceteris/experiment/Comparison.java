package org.ceteris.experiment;

/**
 * One treatment arm against the control arm on one metric.
 *
 * @param estimate      absolute difference (treatment − control), CUPED-adjusted when a covariate is used
 * @param df            Welch degrees of freedom for a plain mean metric; null where inference is normal
 * @param pAdjusted     p-value after the run's multiple-testing correction (equals pValue under none)
 * @param relative      estimate divided by the control mean (the relative lift)
 * @param varianceReduction for CUPED, 1 − Var(adjusted)/Var(unadjusted) of the difference; otherwise null
 */
public record Comparison(
        String variant,
        String control,
        double estimate,
        double se,
        double ciLow,
        double ciHigh,
        Double df,
        double pValue,
        double pAdjusted,
        double relative,
        double relativeCiLow,
        double relativeCiHigh,
        Double varianceReduction) {

    public Comparison withPAdjusted(double adjusted) {
        return new Comparison(variant, control, estimate, se, ciLow, ciHigh, df, pValue, adjusted,
                relative, relativeCiLow, relativeCiHigh, varianceReduction);
    }

    /** True when the two-sided interval excludes zero at the adjusted level. */
    public boolean significant(double alpha) {
        return pAdjusted < alpha;
    }
}
