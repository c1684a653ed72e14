package org.ceteris.observational;

/**
 * An estimator of a treatment effect from unit-level data and propensity scores. Implementations
 * are pure: the same inputs give the same estimate.
 */
public sealed interface EffectEstimator permits MatchingEstimator, IpwEstimator, AipwEstimator, RegressionAdjustment {

    /**
     * @param y        outcomes
     * @param treated  treatment indicators
     * @param x        covariates (design columns)
     * @param score    propensity scores
     * @param estimand ATT or ATE
     */
    Estimate estimate(double[] y, boolean[] treated, double[][] x, double[] score, Estimand estimand);
}
