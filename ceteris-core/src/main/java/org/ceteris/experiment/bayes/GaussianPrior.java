package org.ceteris.experiment.bayes;

import org.ceteris.CeterisException;

/**
 * A proper Gaussian prior on the effect: N(mean, sd²), given on the relative scale (a lift, 0.02 =
 * +2%) or the absolute one. Without a prior (null where one is taken) the posterior is the data's
 * normal likelihood alone, gbstats' improper default.
 */
public record GaussianPrior(double mean, double sd, EffectScale scale) {

    public GaussianPrior {
        if (!Double.isFinite(mean)) {
            throw new CeterisException("--prior-mean must be a finite number, got " + mean);
        }
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new CeterisException("--prior-sd must be a positive number, got " + sd);
        }
        scale = scale == null ? EffectScale.RELATIVE : scale;
    }

    /** This prior on {@code target}'s scale, given the control's unadjusted mean (NaN when impossible). */
    GaussianPrior on(EffectScale target, double controlMean) {
        if (target == scale) {
            return this;
        }
        double base = Math.abs(controlMean);
        return target == EffectScale.ABSOLUTE
                ? new GaussianPrior(mean * base, sd * base, target)
                : new GaussianPrior(mean / base, sd / base, target);
    }
}
