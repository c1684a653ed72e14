package org.ceteris.experiment;

import org.ceteris.stats.Distributions;

/**
 * An absolute effect and its relative counterpart before multiple-testing adjustment: the common
 * output of {@link WelchTest}, {@link CupedTest} and {@link RatioTest}.
 */
public record Effect(double estimate, double se, Double df, double relative, double relativeSe, Double varianceReduction) {

    public Comparison toComparison(String variant, String control, double alpha) {
        double crit = df == null
                ? Distributions.normalQuantile(1 - alpha / 2)
                : Distributions.tQuantile(1 - alpha / 2, df);
        double stat = estimate / se;
        double p = df == null ? Distributions.normalTwoSidedP(stat) : Distributions.tTwoSidedP(stat, df);
        if (se == 0) {
            p = estimate == 0 ? 1.0 : 0.0;
        }
        double zRel = Distributions.normalQuantile(1 - alpha / 2);
        return new Comparison(variant, control, estimate, se, estimate - crit * se, estimate + crit * se, df,
                p, p, relative, relative - zRel * relativeSe, relative + zRel * relativeSe, varianceReduction);
    }

    /**
     * Delta-method variance of the relative lift (ȳ_t − ȳ_c)/ȳ_c for independent arms, given each
     * arm's variance of its mean: Var(r) ≈ v_t/ȳ_c² + ȳ_t²·v_c/ȳ_c⁴ (REFERENCES §1; gbstats
     * {@code frequentist_variance_relative}).
     */
    public static double relativeVariance(double meanT, double varMeanT, double meanC, double varMeanC) {
        double c2 = meanC * meanC;
        return varMeanT / c2 + meanT * meanT * varMeanC / (c2 * c2);
    }
}
