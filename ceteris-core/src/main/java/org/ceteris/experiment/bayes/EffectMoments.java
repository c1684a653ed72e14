package org.ceteris.experiment.bayes;

import org.ceteris.experiment.CupedTest;
import org.ceteris.experiment.Effect;
import org.ceteris.stats.CoMoments;

/**
 * The frequentist point estimate and standard error of one arm against control, on the relative or
 * absolute scale, exactly as gbstats' {@code EffectMoments} forms them: relative effect
 * (μ_t − μ_c)/|μ_c| with the delta-method variance Var(μ_t)/μ_c² + μ_t²Var(μ_c)/μ_c⁴; for CUPED θ on the
 * pooled arms (reverting to the plain mean when θ = 0) and the relative variance of
 * {@link CupedTest#relativeVariance} (gbstats' {@code frequentist_variance_relative_cuped}).
 * O(1).
 *
 * @param problem null, or why no effect can be formed (zero variance, a zero control mean)
 */
public record EffectMoments(double estimate, double se, double controlMean, String problem) {

    static final String ZERO_VARIANCE = "a variant has zero or negative variance";
    static final String ZERO_BASELINE = "the control mean is zero, so there is no relative effect";

    public static EffectMoments of(ArmStatistic control, ArmStatistic treatment, EffectScale scale) {
        boolean relative = scale == EffectScale.RELATIVE;
        if (control instanceof ArmStatistic.Cuped c && treatment instanceof ArmStatistic.Cuped t) {
            double theta = theta(c.moments(), t.moments());
            if (theta != 0) {
                return cuped(c, t, theta, relative);
            }
            return of(new ArmStatistic.Mean(c.moments().a()), new ArmStatistic.Mean(t.moments().a()), scale);
        }
        if (control.getClass() != treatment.getClass()) {
            throw new IllegalArgumentException("both arms need the same kind of statistic");
        }
        double vc = control.variance();
        double vt = treatment.variance();
        double mc = control.unadjustedMean();
        double mt = treatment.unadjustedMean();
        double variance = relative
                ? ofRatios(mt, vt / treatment.n(), mc, vc / control.n())
                : vt / treatment.n() + vc / control.n();
        return checked(mc, mt, mc, vc, vt, variance, relative);
    }

    private static EffectMoments cuped(ArmStatistic.Cuped c, ArmStatistic.Cuped t, double theta, boolean relative) {
        double vc = c.adjustedVariance(theta);
        double vt = t.adjustedVariance(theta);
        double uc = c.unadjustedMean();
        double variance;
        if (relative) {
            variance = uc == 0 ? 0.0 : CupedTest.relativeVariance(t.moments(), c.moments(), theta, vt / t.n());
        } else {
            variance = vt / t.n() + vc / c.n();
        }
        return checked(c.adjustedMean(theta), t.adjustedMean(theta), uc, vc, vt, variance, relative);
    }

    private static EffectMoments checked(double mc, double mt, double unadjustedC, double vc, double vt,
                                         double variance, boolean relative) {
        if (vc <= 0 || vt <= 0 || !(variance > 0)) {
            return new EffectMoments(0, 0, unadjustedC, ZERO_VARIANCE);
        }
        if (mc == 0 || unadjustedC == 0) {
            return new EffectMoments(0, 0, unadjustedC, ZERO_BASELINE);
        }
        double d = mt - mc;
        return new EffectMoments(relative ? d / Math.abs(unadjustedC) : d, Math.sqrt(variance), unadjustedC, null);
    }

    /** Var(M/D) for independent M, D by the delta method (gbstats {@code variance_of_ratios} with zero covariance). */
    private static double ofRatios(double meanM, double varM, double meanD, double varD) {
        return meanD == 0 ? 0.0 : Effect.relativeVariance(meanM, varM, meanD, varD);
    }

    /** θ = Cov(y, x)/Var(x) over the pooled arms; 0 when x or y has no variance (gbstats {@code compute_theta}). */
    static double theta(CoMoments c, CoMoments t) {
        CoMoments pooled = c.merge(t);
        return pooled.m2B() > 0 && pooled.m2A() > 0 ? pooled.cAB() / pooled.m2B() : 0.0;
    }
}
