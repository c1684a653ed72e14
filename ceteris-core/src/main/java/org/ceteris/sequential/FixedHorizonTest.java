package org.ceteris.sequential;

import org.ceteris.experiment.Comparison;
import org.ceteris.experiment.Effect;

/**
 * The fixed-horizon test of {@code ceteris ab} (Welch's t for a mean, normal for CUPED and ratio
 * metrics; REFERENCES §1), read as if each look were the only one. Valid at one planned look; read at
 * every look it is the "peeking" that inflates false positives, which simulations show. O(1).
 */
public record FixedHorizonTest(double alpha) implements SequentialTest {

    public FixedHorizonTest {
        SequentialTest.check(alpha, 1);
    }

    @Override
    public Reading read(Effect effect, long n, Reading previous) {
        Comparison c = effect.toComparison("", "", alpha);
        return new Reading(effect.estimate(), effect.se(), n, c.ciLow(), c.ciHigh(), c.pValue());
    }
}
