package org.ceteris.experiment;

import org.ceteris.stats.CoMoments;

/**
 * CUPED: variance reduction with a pre-period covariate (Deng, Xu, Kohavi &amp; Walker, WSDM 2013).
 * θ = Cov(X, Y)/Var(X) on the pooled sample of the two arms compared (as gbstats
 * {@code compute_theta}); d_adj = (ȳ_t − ȳ_c) − θ(x̄_t − x̄_c); per-arm variance of the mean
 * (s_y² + θ²s_x² − 2θ·s_xy)/n; normal inference. The relative lift is d_adj/ȳ_c with the delta
 * method applied to the adjusted variances and the adjusted treatment mean ȳ_c + d_adj.
 * Statistics: A = metric Y, B = covariate X. O(1).
 */
public final class CupedTest {

    private CupedTest() {
    }

    public static Comparison compare(String variant, CoMoments treatment, String control, CoMoments controlStats, double alpha) {
        return effect(treatment, controlStats).toComparison(variant, control, alpha);
    }

    /** θ on the pooled sample; 0 when the covariate has no variance. */
    public static double theta(CoMoments t, CoMoments c) {
        CoMoments pooled = t.merge(c);
        return pooled.m2B() > 0 ? pooled.cAB() / pooled.m2B() : 0.0;
    }

    public static Effect effect(CoMoments t, CoMoments c) {
        double theta = theta(t, c);
        double vt = adjustedVariance(t, theta) / t.n();
        double vc = adjustedVariance(c, theta) / c.n();
        double d = (t.meanA() - c.meanA()) - theta * (t.meanB() - c.meanB());
        double se = Math.sqrt(vt + vc);
        double rawVar = t.varA() / t.n() + c.varA() / c.n();
        double reduction = rawVar > 0 ? 1 - (vt + vc) / rawVar : 0.0;
        double relative = d / c.meanA();
        double relSe = Math.sqrt(Effect.relativeVariance(c.meanA() + d, vt, c.meanA(), vc));
        return new Effect(d, se, null, relative, relSe, reduction);
    }

    private static double adjustedVariance(CoMoments s, double theta) {
        double v = s.varA() + theta * theta * s.varB() - 2 * theta * s.covAB();
        return Math.max(v, 0.0);
    }
}
