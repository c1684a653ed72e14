package org.ceteris.experiment.bayes;

import org.ceteris.experiment.RatioTest;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.Moments;

/**
 * One arm's sufficient statistics as the Bayesian engine reads them, one member per metric type of
 * GrowthBook's gbstats ({@code SampleMeanStatistic}, {@code ProportionStatistic},
 * {@code RatioStatistic}, {@code RegressionAdjustedStatistic}).
 */
public sealed interface ArmStatistic {

    long n();

    /** The mean before any CUPED adjustment (for a ratio ΣM/ΣD): the base of a relative effect. */
    double unadjustedMean();

    /** Per-unit variance (divisor n − 1) of the plain mean or ratio. */
    double variance();

    /** A per-unit mean; variance with divisor n − 1. */
    record Mean(Moments moments) implements ArmStatistic {
        public long n() {
            return moments.n();
        }

        public double unadjustedMean() {
            return moments.mean();
        }

        public double variance() {
            return moments.n() > 1 ? moments.variance() : 0.0;
        }
    }

    /** A 0/1 metric: {@code successes} of {@code n}; variance p(1 − p), as gbstats. */
    record Proportion(long n, double successes) implements ArmStatistic {
        public double unadjustedMean() {
            return n == 0 ? 0.0 : successes / n;
        }

        public double variance() {
            double p = unadjustedMean();
            return p * (1 - p);
        }
    }

    /** ΣM/ΣD with A = numerator, B = denominator; the delta-method per-unit variance. */
    record Ratio(CoMoments moments) implements ArmStatistic {
        public long n() {
            return moments.n();
        }

        public double unadjustedMean() {
            return moments.meanB() == 0 ? 0.0 : moments.meanA() / moments.meanB();
        }

        public double variance() {
            return moments.meanB() == 0 || moments.n() <= 1 ? 0.0 : moments.n() * RatioTest.varianceOfRatio(moments);
        }
    }

    /** A mean with a pre-period covariate (CUPED), A = metric, B = covariate. */
    record Cuped(CoMoments moments) implements ArmStatistic {
        public long n() {
            return moments.n();
        }

        public double unadjustedMean() {
            return moments.meanA();
        }

        public double variance() {
            return moments.n() > 1 ? moments.varA() : 0.0;
        }

        /** Per-unit variance of y − θx. */
        double adjustedVariance(double theta) {
            if (moments.n() <= 1) {
                return 0.0;
            }
            return moments.varA() + theta * theta * moments.varB() - 2 * theta * moments.covAB();
        }

        double adjustedMean(double theta) {
            return moments.meanA() - theta * moments.meanB();
        }
    }
}
