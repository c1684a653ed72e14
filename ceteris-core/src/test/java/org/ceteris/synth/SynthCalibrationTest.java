package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded calibration under the null (no effect): the placebo rank rejects at 10% about 10% of the
 * time, and the 90% conformal intervals cover the true (zero) effect about 90% of the time.
 * Panels: 20 units from a two-factor model plus noise, 15 pre- and 5 post-periods, weights fitted
 * on the outcome path.
 */
@Tag("slow")
class SynthCalibrationTest {

    static SynthPanel nullPanel(Random rng, int units, int times) {
        List<String> names = new ArrayList<>();
        double[][] y = new double[units][times];
        double[] f1 = new double[times];
        double[] f2 = new double[times];
        for (int t = 0; t < times; t++) {
            f1[t] = t * 0.3 + rng.nextGaussian();
            f2[t] = rng.nextGaussian();
        }
        for (int u = 0; u < units; u++) {
            names.add(String.format(java.util.Locale.ROOT, "U%02d", u));
            double l1 = 1 + rng.nextDouble();
            double l2 = rng.nextGaussian();
            double level = 10 * rng.nextDouble();
            for (int t = 0; t < times; t++) {
                y[u][t] = level + l1 * f1[t] + l2 * f2[t] + rng.nextGaussian();
            }
        }
        double[] ts = new double[times];
        for (int t = 0; t < times; t++) {
            ts[t] = t + 1;
        }
        return new SynthPanel(names, ts, y, new double[0][], null);
    }

    @Test
    void placeboRankAndConformalCoverageUnderTheNull() {
        Random rng = new Random(20261127);
        int reps = 200;
        int rejections = 0;
        int covered = 0;
        int intervals = 0;
        for (int r = 0; r < reps; r++) {
            SynthPanel panel = nullPanel(rng, 20, 20);
            String treated = panel.units().get(rng.nextInt(20));
            SynthSpec spec = new SynthSpec("u", "t", "y", List.of(treated), 16, List.of(), null, null, List.of(), List.of(),
                    SynthSpec.Estimator.CLASSIC, SynthSpec.VSearch.NESTED, true, null, true, 0.1, r, List.of());
            SynthResult res = SynthAnalysis.analyze(spec, panel, treated, Parallel.sequential());
            if (res.pValue() <= 0.1 + 1e-12) {
                rejections++;
            }
            for (SynthResult.Interval iv : res.intervals()) {
                intervals++;
                if (iv.low() <= 0 && 0 <= iv.high()) {
                    covered++;
                }
            }
        }
        double rate = (double) rejections / reps;
        double coverage = (double) covered / intervals;
        System.out.printf("placebo rejection rate at 10%%: %.3f; conformal 90%% coverage: %.3f%n", rate, coverage);
        // binomial(200, 0.1) has sd 0.021: allow three of them
        assertTrue(rate > 0.035 && rate < 0.165, "rejection rate " + rate);
        assertTrue(coverage > 0.85 && coverage < 0.96, "coverage " + coverage);
    }
}
