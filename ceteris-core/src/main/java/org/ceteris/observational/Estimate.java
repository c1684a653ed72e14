package org.ceteris.observational;

/**
 * What an estimator returns: the effect, its standard error, the weights it gives each unit of
 * the sample it was given (for the balance table), and for matching the number of distinct
 * controls used (else -1) and the treated units left unmatched.
 */
public record Estimate(double estimate, double se, double[] weights, int matchedControls, int unmatchedTreated) {
}
