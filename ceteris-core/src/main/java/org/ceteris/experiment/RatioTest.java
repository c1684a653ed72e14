package org.ceteris.experiment;

import org.ceteris.stats.CoMoments;

/**
 * Ratio metric M/D per variant (for example minutes per session with the member as the unit of
 * randomisation): R = ΣM/ΣD = μ_M/μ_D with the delta-method variance
 * Var(R) ≈ (1/n)[σ_M²/μ_D² − 2μ_M σ_MD/μ_D³ + μ_M² σ_D²/μ_D⁴]
 * (Deng, Knoblich &amp; Lu, KDD 2018). The difference of two independent ratios uses normal inference;
 * the relative lift (R_t − R_c)/R_c the delta method. Statistics: A = numerator, B = denominator. O(1).
 */
public final class RatioTest {

    private RatioTest() {
    }

    public static Comparison compare(String variant, CoMoments treatment, String control, CoMoments controlStats, double alpha) {
        return effect(treatment, controlStats).toComparison(variant, control, alpha);
    }

    /** R = μ_M / μ_D. */
    public static double ratio(CoMoments s) {
        return s.meanA() / s.meanB();
    }

    /** The delta-method variance of R. */
    public static double varianceOfRatio(CoMoments s) {
        double mm = s.meanA();
        double md = s.meanB();
        double md2 = md * md;
        double v = s.varA() / md2 - 2 * mm * s.covAB() / (md2 * md) + mm * mm * s.varB() / (md2 * md2);
        return Math.max(v, 0.0) / s.n();
    }

    public static Effect effect(CoMoments t, CoMoments c) {
        double rt = ratio(t);
        double rc = ratio(c);
        double vt = varianceOfRatio(t);
        double vc = varianceOfRatio(c);
        double d = rt - rc;
        double relSe = Math.sqrt(Effect.relativeVariance(rt, vt, rc, vc));
        return new Effect(d, Math.sqrt(vt + vc), null, d / rc, relSe, null);
    }
}
