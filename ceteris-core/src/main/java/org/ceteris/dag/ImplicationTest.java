package org.ceteris.dag;

import java.util.List;

/**
 * One implication tested: {@code x ⊥ y | given}. {@code estimate} is the partial correlation
 * (Fisher z) or null for discrete tests; {@code statistic} is z or the chi-squared / G value.
 * {@code rejected} compares {@code p_adjusted} with alpha.
 */
public record ImplicationTest(
        String x,
        String y,
        List<String> given,
        double estimate,
        double statistic,
        double df,
        double pValue,
        double pAdjusted,
        boolean rejected) {

    public ImplicationTest {
        given = List.copyOf(given);
    }
}
