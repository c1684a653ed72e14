package org.ceteris.observational;

/**
 * Inverse probability weighting with normalised (Hájek) weights: for the ATE 1/e for the treated
 * and 1/(1−e) for the untreated, for the ATT 1 and e/(1−e) (Hirano, Imbens &amp; Ridder 2003;
 * REFERENCES §6). The estimate is the weighted difference in means; its standard error is the
 * HC0 sandwich of {@code lm(y ~ treat, weights)}, the robust variance of Hernán &amp; Robins
 * (What If, ch. 12), which treats the weights as known and so is conservative. Cost O(n).
 */
public record IpwEstimator() implements EffectEstimator {

    /** The weights of each unit for the estimand. */
    public static double[] weights(boolean[] treated, double[] score, Estimand estimand) {
        double[] w = new double[treated.length];
        for (int i = 0; i < w.length; i++) {
            double e = score[i];
            if (estimand == Estimand.ATE) {
                w[i] = treated[i] ? 1 / e : 1 / (1 - e);
            } else {
                w[i] = treated[i] ? 1 : e / (1 - e);
            }
        }
        return w;
    }

    @Override
    public Estimate estimate(double[] y, boolean[] treated, double[][] x, double[] score, Estimand estimand) {
        double[] w = weights(treated, score, estimand);
        double[] est = WeightedDifference.of(y, treated, w, null, 0);
        return new Estimate(est[0], est[1], w, -1, 0);
    }
}
