package org.ceteris.experiment;

import org.ceteris.stats.Moments;

/**
 * Welch's unequal-variance t-test on the difference of two means, from each arm's sufficient
 * statistics. A 0/1 metric (a proportion) uses the same formula. Matches
 * {@code scipy.stats.ttest_ind(equal_var=False)} and its {@code confidence_interval()}.
 * Relative lift by the delta method with a normal interval. O(1).
 */
public final class WelchTest {

    private WelchTest() {
    }

    public static Comparison compare(String variant, Moments treatment, String control, Moments controlStats, double alpha) {
        return effect(treatment, controlStats).toComparison(variant, control, alpha);
    }

    public static Effect effect(Moments t, Moments c) {
        double vt = t.variance() / t.n();
        double vc = c.variance() / c.n();
        double se = Math.sqrt(vt + vc);
        double df = (vt + vc) * (vt + vc) / (vt * vt / (t.n() - 1) + vc * vc / (c.n() - 1));
        if (vt + vc == 0) {
            df = t.n() + c.n() - 2;
        }
        double d = t.mean() - c.mean();
        double relative = d / c.mean();
        double relSe = Math.sqrt(Effect.relativeVariance(t.mean(), vt, c.mean(), vc));
        return new Effect(d, se, df, relative, relSe, null);
    }
}
