package org.ceteris.stats;

/**
 * Cochran's Q test of whether k independent estimates of one effect differ more than their standard
 * errors allow (Cochran 1954; the heterogeneity test of meta-analysis): with weights w = 1/se²,
 * θ̄ = Σwθ/Σw, Q = Σw(θ − θ̄)², referred to χ² with k − 1 degrees of freedom. Estimates whose
 * standard error is not finite and positive are left out. O(k).
 */
public final class CochranQ {

    /** The statistic, its degrees of freedom and the upper-tail p-value. */
    public record Result(double q, int df, double pValue) {
    }

    private CochranQ() {
    }

    /** Null when fewer than two estimates can be used. */
    public static Result test(double[] estimates, double[] standardErrors) {
        double sw = 0;
        double swt = 0;
        int k = 0;
        for (int i = 0; i < estimates.length; i++) {
            double se = standardErrors[i];
            if (Double.isFinite(estimates[i]) && Double.isFinite(se) && se > 0) {
                double w = 1 / (se * se);
                sw += w;
                swt += w * estimates[i];
                k++;
            }
        }
        if (k < 2) {
            return null;
        }
        double mean = swt / sw;
        double q = 0;
        for (int i = 0; i < estimates.length; i++) {
            double se = standardErrors[i];
            if (Double.isFinite(estimates[i]) && Double.isFinite(se) && se > 0) {
                double dev = estimates[i] - mean;
                q += dev * dev / (se * se);
            }
        }
        return new Result(q, k - 1, Distributions.chiSquaredUpperTail(q, k - 1));
    }
}
