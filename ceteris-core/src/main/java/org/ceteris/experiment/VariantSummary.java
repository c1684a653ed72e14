package org.ceteris.experiment;

/**
 * One arm's descriptive statistics on one metric. For a ratio metric {@code mean} is ΣM/ΣD and
 * {@code sd} the per-unit standard deviation implied by the delta method (√(n·Var(R))).
 */
public record VariantSummary(String variant, long n, double mean, double sd) {
}
