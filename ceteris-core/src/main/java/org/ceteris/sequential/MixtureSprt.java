package org.ceteris.sequential;

import org.ceteris.experiment.Effect;

/**
 * The mixture sequential probability ratio test of Johari, Koomen, Pekelis &amp; Walsh (2017) with a
 * normal mixing distribution: for n pairs of observations whose difference has variance V and a
 * mixing variance τ²,
 * <pre>
 * Λ_n = √(V/(V + nτ²)) · exp[n²τ²d²/(2V(V + nτ²))],   p_n = min(p_{n−1}, 1/Λ_n)
 * </pre>
 * (REFERENCES §2); the interval is {θ : Λ_n(θ) &lt; 1/α}, d ± √[2V(V + nτ²)/(n²τ²) · ln(√((V + nτ²)/V)/α)],
 * intersected with the previous look's, so that the always-valid interval never widens.
 *
 * <p>Parametrisation, so that unequal arms, CUPED and ratio metrics fit one formula and the tuning
 * means what it means for the confidence sequence: n = N/2 pairs (N = n_t + n_c units), V = n·se²
 * with se the fixed-horizon standard error of d, and τ² = 2ρ²V with ρ from the tuning N*. Then
 * 1/Λ_n equals the confidence sequence's 1/E at the same look: the two tests share their boundary
 * (both are Robbins' normal mixture) and differ in how evidence is carried from look to look —
 * the mSPRT's p-value never rises and its interval never widens; the confidence sequence is read
 * afresh at each look. O(1) per look.
 */
public record MixtureSprt(double alpha, double tuning) implements SequentialTest {

    public MixtureSprt {
        SequentialTest.check(alpha, tuning);
    }

    @Override
    public Reading read(Effect effect, long units, Reading previous) {
        double rho2 = SequentialTest.rhoSquared(alpha, tuning);
        double d = effect.estimate();
        double se = effect.se();
        double n = units / 2.0;
        double v = n * se * se;
        double tau2 = 2 * rho2 * v;
        double vn = v + n * tau2;
        double logLambda = 0.5 * Math.log(v / vn) + n * n * tau2 * d * d / (2 * v * vn);
        double p = Math.min(1.0, Math.exp(-logLambda));
        double half = Math.sqrt(2 * v * vn / (n * n * tau2) * Math.log(Math.sqrt(vn / v) / alpha));
        double low = d - half;
        double high = d + half;
        if (previous != null) {
            p = Math.min(p, previous.pValue());
            low = Math.max(low, previous.low());
            high = Math.min(high, previous.high());
        }
        return new Reading(d, se, units, low, high, p);
    }
}
