package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded calibration: on confounded simulated data (Simulated.confounded, true ATT = ATE = 1.5) the
 * 95% intervals cover the truth about 95% of the time, and with no effect the false-positive rate
 * stays near 5%. Slow (300 analyses per method): run with -Pall-tests.
 */
@Tag("slow")
class CalibrationTest {

    private static final int REPS = 300;

    private static ObserveSpec spec(Method m, long seed) {
        if (m == Method.MATCH) {
            return new ObserveSpec("treat", "y", List.of("x1", "x2"), m, Estimand.ATT, 1, true, Double.NaN, 0, List.of(), seed, 0.05);
        }
        return Simulated.spec(m, Estimand.ATE, List.of(), seed);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void coverageAndFalsePositives(Method m) {
        int covered = 0;
        int falsePositive = 0;
        for (int r = 0; r < REPS; r++) {
            ObserveResult a = ObservationalAnalysis.analyze(spec(m, r), Simulated.confounded(1000 + r, 800, 1.5, 0.8), 0);
            covered += a.ciLow() <= 1.5 && 1.5 <= a.ciHigh() ? 1 : 0;
            ObserveResult b = ObservationalAnalysis.analyze(spec(m, r), Simulated.confounded(5000 + r, 800, 0.0, 0.8), 0);
            falsePositive += b.pValue() < 0.05 ? 1 : 0;
        }
        double coverage = (double) covered / REPS;
        double fpr = (double) falsePositive / REPS;
        System.out.printf("calibration %s: coverage %.3f, false-positive rate %.3f (%d reps)%n", m.label(), coverage, fpr, REPS);
        // IPW's sandwich ignores the estimated propensity and is conservative; matching with replacement's
        // matched-set clustering ignores reuse of controls across sets and can be a little liberal
        assertTrue(coverage >= 0.90 && coverage <= 0.995, m.label() + " coverage " + coverage);
        assertTrue(fpr <= 0.10, m.label() + " false-positive rate " + fpr);
    }
}
