package org.ceteris.interactions;

/**
 * The interaction of one treatment arm of experiment {@code a} with one treatment arm of
 * experiment {@code b} on one metric: the effect of {@code armA} (against A's control) when B shows
 * {@code armB}, minus the same effect when B shows its control.
 *
 * @param interaction          (ȳ₁₁ − ȳ₀₁) − (ȳ₁₀ − ȳ₀₀), first index A's arm, second B's
 * @param se                   √Σ s²/n over the four cells
 * @param pValue               two-sided normal p-value
 * @param pAdjusted            adjusted across all pairs, arms and metrics
 * @param effectA_whenB_control  ȳ₁₀ − ȳ₀₀ (the underscores make Jackson's snake case give the contract's
 *                             {@code effect_a_when_b_control}; camel case would give {@code effect_awhen_bcontrol})
 * @param effectA_whenB_treated  ȳ₁₁ − ȳ₀₁
 */
public record InteractionPair(String a, String b, String metric, String armA, String armB, double interaction,
        double se, double pValue, double pAdjusted, double effectA_whenB_control, double effectA_whenB_treated) {
}
