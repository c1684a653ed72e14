package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The placebo rank with and without the MSPE filter, and augmented SC against classic SC off the donors' hull. */
class PlaceboInferenceTest {

    @Test
    void rankCountsTheTreatedUnitAndHonoursTheFilter() {
        List<SynthResult.Placebo> placebos = List.of(
                new SynthResult.Placebo("A", 1, 50, 50, 0),
                new SynthResult.Placebo("B", 1, 5, 5, 0),
                new SynthResult.Placebo("C", 100, 2000, 20, 0), // poor pre-fit: dropped by a filter of 5
                new SynthResult.Placebo("D", 2, 4, 2, 0));
        // treated ratio 10, pre-MSPE 2: A and C are at least as extreme → (1 + 2) / 5
        assertEquals(3.0 / 5, PlaceboInference.pValue(10, 2, placebos, null), 1e-12);
        // with the filter C (pre 100 > 5 × 2) is left out → (1 + 1) / 4
        assertEquals(2.0 / 4, PlaceboInference.pValue(10, 2, placebos, 5.0), 1e-12);
        // the largest ratio of all → 1 / (J + 1)
        assertEquals(1.0 / 5, PlaceboInference.pValue(100, 2, placebos, null), 1e-12);
    }

    @Test
    void augmentedCorrectsAFitOutsideTheHull() {
        Random rng = new Random(11);
        int units = 15;
        int times = 20;
        double[][] y = new double[units][times];
        List<String> names = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            names.add("U" + (char) ('A' + u));
            double level = u == 0 ? 130 : 100 + 20 * rng.nextDouble(); // unit 0 above every donor
            double slope = u == 0 ? 1.5 : 0.5 + rng.nextDouble();
            for (int t = 0; t < times; t++) {
                y[u][t] = level + slope * t + 0.3 * rng.nextGaussian();
            }
        }
        double[] ts = new double[times];
        for (int t = 0; t < times; t++) {
            ts[t] = 2000 + t;
        }
        SynthPanel panel = new SynthPanel(names, ts, y, new double[0][], null);
        SynthResult classic = SynthAnalysis.analyze(spec(SynthSpec.Estimator.CLASSIC), panel, "UA", Parallel.sequential());
        SynthResult augmented = SynthAnalysis.analyze(spec(SynthSpec.Estimator.AUGMENTED), panel, "UA", Parallel.sequential());
        assertTrue(classic.diagnostics().stream().anyMatch(d -> d.code().equals("SYNTH_POOR_PRE_FIT")), classic.diagnostics().toString());
        assertTrue(augmented.preRmspe() < 0.5 * classic.preRmspe(), augmented.preRmspe() + " vs " + classic.preRmspe());
        // no effect was simulated: the augmented estimate is near zero, the classic one is biased upwards
        assertEquals(0, augmented.att(), 2.0);
        assertTrue(classic.att() > augmented.att());
        double sum = augmented.weights().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1, sum, 1e-9);
    }

    private static SynthSpec spec(SynthSpec.Estimator e) {
        return new SynthSpec("u", "t", "y", List.of("UA"), 2015, List.of(), null, null, List.of(), List.of(), e,
                SynthSpec.VSearch.NESTED, false, null, false, 0.1, 1, List.of());
    }
}
