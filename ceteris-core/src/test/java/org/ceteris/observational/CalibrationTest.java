package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded calibration: on confounded simulated data (Simulated.confounded, true ATT = ATE = 1.5) the
 * 95% intervals cover the truth at least about 95% of the time, and with no effect the
 * false-positive rate stays near 5%. Matching is 1:1 without replacement with a 0.2 SD caliper on
 * data where about a quarter of units are treated (without a caliper greedy matching leaves x1
 * imbalanced and the estimate biased: coverage 0.48 in this design); its matched-set clustered SE
 * is slightly liberal here (coverage 0.91). IPW's sandwich ignores that the propensity is estimated
 * and is conservative for the ATE (Lunceford &amp; Davidian 2004): its coverage is bounded by 0.995, its mean
 * standard error by 1.6 times the spread of its estimates (measured 1.44), and its interval by 3.5 times
 * AIPW's on the same data (measured 2.9 times).
 * Slow (600 analyses per method): run with -Pall-tests. Results are in docs/observational.md.
 */
@Tag("slow")
class CalibrationTest {

    private static final int REPS = 300;

    private static ObserveSpec spec(Method m, long seed) {
        if (m == Method.MATCH) {
            return new ObserveSpec("treat", "y", List.of("x1", "x2"), m, Estimand.ATT, 1, false, 0.2, 0, List.of(), seed, 0.05);
        }
        return Simulated.spec(m, Estimand.ATE, List.of(), seed);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void coverageAndFalsePositives(Method m) {
        int covered = 0;
        int falsePositive = 0;
        double sum = 0;
        double sumSq = 0;
        double sumSe = 0;
        double width = 0;
        double aipwWidth = 0;
        for (int r = 0; r < REPS; r++) {
            ObservationalData data = Simulated.confounded(1000 + r, 800, 1.5, 0.8, -1.3);
            ObserveResult a = ObservationalAnalysis.analyze(spec(m, r), data, 0);
            covered += a.ciLow() <= 1.5 && 1.5 <= a.ciHigh() ? 1 : 0;
            sum += a.estimate();
            sumSq += a.estimate() * a.estimate();
            sumSe += a.se();
            width += a.ciHigh() - a.ciLow();
            if (m == Method.IPW) {
                ObserveResult aipw = ObservationalAnalysis.analyze(spec(Method.AIPW, r), data, 0);
                aipwWidth += aipw.ciHigh() - aipw.ciLow();
            }
            ObserveResult b = ObservationalAnalysis.analyze(spec(m, r), Simulated.confounded(5000 + r, 800, 0.0, 0.8, -1.3), 0);
            falsePositive += b.pValue() < 0.05 ? 1 : 0;
        }
        double coverage = (double) covered / REPS;
        double fpr = (double) falsePositive / REPS;
        double sd = Math.sqrt((sumSq - sum * sum / REPS) / (REPS - 1));
        double seOverSd = sumSe / REPS / sd;
        System.out.printf("calibration %s: coverage %.3f, false-positive rate %.3f, mean se / sd of the estimates %.3f, "
                + "mean width %.4f, AIPW's on the same data %.4f (%d reps)%n", m.label(), coverage, fpr, seOverSd, width / REPS,
                aipwWidth / REPS, REPS);
        assertTrue(coverage >= 0.90, m.label() + " coverage " + coverage);
        assertTrue(coverage <= (m == Method.IPW ? 0.995 : 0.98), m.label() + " coverage " + coverage);
        // the standard error is about the spread of the estimates over the simulated data sets: a too wide
        // interval fails here even when it covers, a too narrow one fails the coverage
        // (measured: IPW 1.44, its sandwich ignores that the score is estimated; the others 1.05-1.08)
        assertTrue(seOverSd > 0.8 && seOverSd < (m == Method.IPW ? 1.6 : 1.25), m.label() + " mean se / sd " + seOverSd);
        if (m == Method.IPW) {
            // IPW is less efficient than AIPW (about half: sd of the estimates 0.20 against 0.094) and its interval
            // conservative, but on the same data sets it stays within a bounded multiple of AIPW's (measured 2.9x)
            assertTrue(width < 3.5 * aipwWidth && width > aipwWidth, "IPW width " + width / REPS + ", AIPW " + aipwWidth / REPS);
        }
        assertTrue(fpr <= 0.09, m.label() + " false-positive rate " + fpr);
    }
}
