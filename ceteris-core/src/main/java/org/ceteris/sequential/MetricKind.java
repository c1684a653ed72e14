package org.ceteris.sequential;

import org.ceteris.experiment.CupedTest;
import org.ceteris.experiment.Effect;
import org.ceteris.experiment.RatioTest;
import org.ceteris.experiment.WelchTest;
import org.ceteris.stats.CoMoments;

/**
 * The metric families a sequential test reads, each from per-arm {@link CoMoments} (A = metric or
 * numerator, B = covariate or denominator) with the fixed-horizon formulas of
 * {@code org.ceteris.experiment}: a mean or proportion (Welch), a CUPED-adjusted mean and a ratio
 * (delta method). O(1) per call.
 */
public enum MetricKind {
    /** A per-unit mean; a 0/1 metric is a proportion with the same formula. */
    MEAN,
    /** A mean adjusted by a pre-period covariate (θ pooled over the two arms compared). */
    CUPED,
    /** ΣM/ΣD. */
    RATIO;

    /** The effect of {@code t} against {@code r} (t − r) with its fixed-horizon standard error. */
    public Effect effect(CoMoments t, CoMoments r) {
        return switch (this) {
            case MEAN -> WelchTest.effect(t.a(), r.a());
            case CUPED -> CupedTest.effect(t, r);
            case RATIO -> RatioTest.effect(t, r);
        };
    }

    /** True when both arms have enough data for a finite, positive standard error. */
    public boolean estimable(CoMoments t, CoMoments r) {
        return t.n() >= 2 && r.n() >= 2;
    }

    /** The arm's own value of the metric: its mean, or its ratio ΣM/ΣD. */
    public double value(CoMoments s) {
        if (s.n() == 0) {
            return Double.NaN;
        }
        return this == RATIO ? RatioTest.ratio(s) : s.meanA();
    }

    /**
     * The arm's metric and the variance of that estimate, the Gaussian posterior (flat prior) used by
     * Thompson sampling: for CUPED the mean adjusted to the pooled covariate mean with θ pooled over
     * all arms.
     *
     * @return {mean, variance of the mean}; NaN when the arm has fewer than 2 units
     */
    double[] posterior(CoMoments s, CoMoments pooled) {
        if (s.n() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return switch (this) {
            case MEAN -> new double[] {s.meanA(), s.varA() / s.n()};
            case RATIO -> new double[] {RatioTest.ratio(s), RatioTest.varianceOfRatio(s)};
            case CUPED -> {
                double theta = CupedTest.theta(pooled, CoMoments.EMPTY);
                double v = s.varA() + theta * theta * s.varB() - 2 * theta * s.covAB();
                yield new double[] {s.meanA() - theta * (s.meanB() - pooled.meanB()), Math.max(v, 0.0) / s.n()};
            }
        };
    }
}
