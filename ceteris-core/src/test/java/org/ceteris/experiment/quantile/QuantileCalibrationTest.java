package org.ceteris.experiment.quantile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ceteris.experiment.Effect;
import org.ceteris.stats.Distributions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage of the 95% interval of a quantile difference by seeded simulation: A/A experiments (true
 * difference 0) on log-normal and zero-inflated log-normal data at q = 0.5 and 0.9. The full run
 * (2,000 experiments per case, 95% ± 1%) is tagged slow; the fast one (500, ± 2.5%) runs always.
 */
class QuantileCalibrationTest {

    static double coverage(String shape, double q, int experiments, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double z = Distributions.normalQuantile(0.975);
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            Effect eff = QuantileTest.effect(QuantileTest.fromValues(draw(rng, shape, n), q),
                    QuantileTest.fromValues(draw(rng, shape, n), q));
            if (Math.abs(eff.estimate()) <= z * eff.se()) {
                covered++;
            }
        }
        return covered / (double) experiments;
    }

    static double[] draw(SplittableRandom rng, String shape, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double g = gaussian(rng);
            double v = Math.exp(3 + 1.2 * g);
            x[i] = shape.equals("zero_inflated") && rng.nextDouble() < 0.3 ? 0.0 : v;
        }
        return x;
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @ParameterizedTest(name = "{0} q={1}")
    @CsvSource({"log_normal,0.5", "log_normal,0.9", "zero_inflated,0.5", "zero_inflated,0.9"})
    void fastCoverageIsNearNominal(String shape, double q) {
        assertEquals(0.95, coverage(shape, q, 500, 800, 7), 0.025);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} q={1}")
    @CsvSource({"log_normal,0.5", "log_normal,0.9", "zero_inflated,0.5", "zero_inflated,0.9"})
    void coverageIsNinetyFivePercentWithinOnePoint(String shape, double q) {
        assertEquals(0.95, coverage(shape, q, 2000, 2000, 20), 0.01);
    }
}
