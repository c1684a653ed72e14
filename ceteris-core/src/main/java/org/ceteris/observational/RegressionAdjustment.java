package org.ceteris.observational;

/**
 * Regression adjustment with treatment-by-covariate interactions (Lin 2013): least squares of
 * y on T, the covariates centred at their mean (over everyone for the ATE, over the treated for
 * the ATT) and their products with T. The coefficient of T is then the average over that
 * population of μ̂₁(x) − μ̂₀(x) from separate linear fits per group; its standard error is HC2.
 * Propensity scores are not used. Cost O(n·p²).
 */
public record RegressionAdjustment() implements EffectEstimator {

    @Override
    public Estimate estimate(double[] y, boolean[] treated, double[][] x, double[] score, Estimand estimand) {
        int n = y.length;
        int p = x.length;
        double[][] d = new double[1 + 2 * p][];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = treated[i] ? 1 : 0;
        }
        d[0] = t;
        for (int j = 0; j < p; j++) {
            double c = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (estimand == Estimand.ATE || treated[i]) {
                    c += x[j][i];
                    m++;
                }
            }
            c /= m;
            double[] z = new double[n];
            double[] zt = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = x[j][i] - c;
                zt[i] = z[i] * t[i];
            }
            d[1 + j] = z;
            d[1 + p + j] = zt;
        }
        LeastSquares fit = LeastSquares.fit(d, y, null);
        double est = fit.coefficients()[1];
        return new Estimate(est, fit.hc2(d, y, 1), null, -1, 0);
    }
}
