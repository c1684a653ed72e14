package org.ceteris.observational;

/**
 * Balance of one covariate (design column) before and after adjustment: standardized mean
 * difference (treated minus untreated, over the treated SD for the ATT and √((s₁² + s₀²)/2) for the
 * ATE, both from the unadjusted sample) and the ratio of treated to untreated variance. After
 * values are NaN (null in JSON) when the estimator does not reweight units (regression).
 */
public record BalanceRow(String covariate, double smdBefore, double smdAfter, double varRatioBefore, double varRatioAfter) {
}
