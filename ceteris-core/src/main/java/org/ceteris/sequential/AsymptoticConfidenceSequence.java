package org.ceteris.sequential;

import org.ceteris.experiment.Effect;

/**
 * The asymptotic confidence sequence of Waudby-Smith, Arnold, Wu, Howard &amp; Ramdas (2023, eq. 9),
 * as gbstats {@code SequentialTwoSidedTTest} computes it. With N = n_t + n_c, se the fixed-horizon
 * standard error of the effect d and ρ from the tuning N* ({@link SequentialTest#rhoSquared}):
 * <pre>
 * half-width = se·√N·√[ 2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α) ]
 * E = exp(ρ²S²/(2(Nρ² + 1))) / √(Nρ² + 1),  S² = d²·N/se²,  p = min(1, 1/E)
 * </pre>
 * (REFERENCES §2). The interval excludes zero exactly when p &lt; α. Each look is read afresh from
 * the cumulative statistics, so the reading does not depend on the previous one. O(1).
 */
public record AsymptoticConfidenceSequence(double alpha, double tuning) implements SequentialTest {

    public AsymptoticConfidenceSequence {
        SequentialTest.check(alpha, tuning);
    }

    @Override
    public Reading read(Effect effect, long n, Reading previous) {
        double rho2 = SequentialTest.rhoSquared(alpha, tuning);
        double bigN = n;
        double d = effect.estimate();
        double se = effect.se();
        double nr1 = bigN * rho2 + 1;
        double half = se * Math.sqrt(bigN) * Math.sqrt(2 * nr1 / (bigN * bigN * rho2) * Math.log(Math.sqrt(nr1) / alpha));
        double s2 = d * d * bigN / (se * se);
        double logE = rho2 * s2 / (2 * nr1) - 0.5 * Math.log(nr1);
        double p = Math.min(1.0, Math.exp(-logE));
        return new Reading(d, se, n, d - half, d + half, p);
    }
}
