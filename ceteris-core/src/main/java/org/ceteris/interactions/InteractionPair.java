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
 * @param effectAWhenBControl  ȳ₁₀ − ȳ₀₀
 * @param effectAWhenBTreated  ȳ₁₁ − ȳ₀₁
 */
public record InteractionPair(String a, String b, String metric, String armA, String armB, double interaction,
        double se, double pValue, double pAdjusted, double effectAWhenBControl, double effectAWhenBTreated) {
}
