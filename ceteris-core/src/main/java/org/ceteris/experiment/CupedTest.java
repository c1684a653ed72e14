package org.ceteris.experiment;

import org.ceteris.stats.CoMoments;

/**
 * CUPED: variance reduction with a pre-period covariate (Deng, Xu, Kohavi &amp; Walker, WSDM 2013).
 * θ = Cov(X, Y)/Var(X) on the pooled sample of the two arms compared (as gbstats
 * {@code compute_theta}); d_adj = (ȳ_t − ȳ_c) − θ(x̄_t − x̄_c); per-arm variance of the mean
 * (s_y² + θ²s_x² − 2θ·s_xy)/n; normal inference. The relative lift is d_adj/ȳ_c with the delta
 * method, counting that the adjusted and the plain control mean share their units ({@link #relativeVariance}).
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
        double relSe = Math.sqrt(relativeVariance(t, c, theta, vt));
        return new Effect(d, se, null, relative, relSe, reduction);
    }

    /**
     * Var(d_adj/ȳ_c) by the delta method for (A − B)/C with A = ȳ_t − θx̄_t, B = ȳ_c − θx̄_c and
     * C = ȳ_c: B and C are means over the same control units, so the control's part is
     * Var(ρ·ȳ_c − θ·x̄_c)/ȳ_c² = (ρ²s_y² − 2ρθ·s_xy + θ²s_x²)/(n_c·ȳ_c²) with ρ = ȳ_t/ȳ_c, as gbstats
     * {@code frequentist_variance_relative_cuped}. (Treating B as independent of C, with the adjusted
     * control variance scaled by ρ², misses the covariance and overstates the variance by about the lift.)
     */
    private static double relativeVariance(CoMoments t, CoMoments c, double theta, double varMeanT) {
        double rho = t.meanA() / c.meanA();
        double control = Math.max(rho * rho * c.varA() - 2 * rho * theta * c.covAB() + theta * theta * c.varB(), 0.0) / c.n();
        return (varMeanT + control) / (c.meanA() * c.meanA());
    }

    private static double adjustedVariance(CoMoments s, double theta) {
        double v = s.varA() + theta * theta * s.varB() - 2 * theta * s.covAB();
        return Math.max(v, 0.0);
    }
}
