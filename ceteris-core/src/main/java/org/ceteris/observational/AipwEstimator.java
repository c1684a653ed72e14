package org.ceteris.observational;

import org.ceteris.CeterisException;

/**
 * Augmented inverse probability weighting, the doubly robust estimator (Robins, Rotnitzky &amp;
 * Zhao 1994; Glynn &amp; Quinn 2010; REFERENCES §6) with linear outcome models fitted by least
 * squares separately in each group. ATE: ψᵢ = μ̂₁(xᵢ) − μ̂₀(xᵢ) + Tᵢ(yᵢ − μ̂₁(xᵢ))/êᵢ −
 * (1−Tᵢ)(yᵢ − μ̂₀(xᵢ))/(1−êᵢ). ATT: ψᵢ = [Tᵢ(yᵢ − μ̂₀(xᵢ)) − (1−Tᵢ)êᵢ/(1−êᵢ)(yᵢ − μ̂₀(xᵢ))]/p̂ with
 * p̂ the treated share. Estimate = mean ψ, SE = sd(ψ)/√n. Cost O(n·p²).
 */
public record AipwEstimator() implements EffectEstimator {

    @Override
    public Estimate estimate(double[] y, boolean[] treated, double[][] x, double[] score, Estimand estimand) {
        int n = y.length;
        boolean[] control = new boolean[n];
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            control[i] = !treated[i];
            n1 += treated[i] ? 1 : 0;
        }
        if (n1 < 2 || n - n1 < 2) {
            throw new CeterisException("too few treated or untreated units to fit the outcome models");
        }
        LeastSquares m0 = LeastSquares.fit(x, y, control);
        double[] psi = new double[n];
        if (estimand == Estimand.ATE) {
            LeastSquares m1 = LeastSquares.fit(x, y, treated);
            for (int i = 0; i < n; i++) {
                double mu1 = m1.predict(x, i);
                double mu0 = m0.predict(x, i);
                double e = score[i];
                psi[i] = mu1 - mu0 + (treated[i] ? (y[i] - mu1) / e : -(y[i] - mu0) / (1 - e));
            }
        } else {
            double p = (double) n1 / n;
            for (int i = 0; i < n; i++) {
                double r0 = y[i] - m0.predict(x, i);
                double e = score[i];
                psi[i] = (treated[i] ? r0 : -e / (1 - e) * r0) / p;
            }
        }
        double mean = 0;
        for (double v : psi) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : psi) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Estimate(mean, se, IpwEstimator.weights(treated, score, estimand), -1, 0);
    }
}
