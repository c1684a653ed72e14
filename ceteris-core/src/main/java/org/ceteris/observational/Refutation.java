package org.ceteris.observational;

/**
 * One refutation test (DoWhy, Sharma &amp; Kiciman 2020): the mean of the effect over the
 * refuter's simulations, the p-value of the original estimate against the distribution of those
 * simulated effects (normal approximation; for the placebo the estimate's own standard error is
 * added to the spread), and whether the estimate survived: for the placebo
 * the original estimate must stand out from the placebo effects (p &lt; alpha); for the others it
 * must not (p ≥ alpha).
 */
public record Refutation(String name, double estimate, double pValue, boolean passed) {
}
