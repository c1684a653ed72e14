package org.ceteris.sequential;

import java.util.SplittableRandom;
import org.ceteris.stats.CoMoments;

/**
 * Draws the sufficient statistics of a batch of m independent N(μ, σ²) units directly, without
 * drawing the units: the mean is N(μ, σ²/m) and, independently, the centred sum of squares is
 * σ²·χ²_{m−1} (Cochran's theorem). A batch costs O(1) whatever its size, so simulations cost
 * O(looks × arms), not O(units). χ² is drawn as 2·Gamma((m−1)/2) by Marsaglia &amp; Tsang's method
 * (ACM TOMS 2000), with the U^{1/a} boost for shape &lt; 1. Deterministic for a seeded generator.
 */
final class NormalBatches {

    private NormalBatches() {
    }

    static CoMoments batch(SplittableRandom rnd, double mu, double sd, long m) {
        if (m <= 0) {
            return CoMoments.EMPTY;
        }
        double mean = mu + sd * rnd.nextGaussian() / Math.sqrt(m);
        double m2 = m > 1 ? sd * sd * 2 * gamma(rnd, (m - 1) / 2.0) : 0.0;
        return new CoMoments(m, mean, 0, m2, 0, 0);
    }

    /** A Gamma(shape, 1) variate. */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
