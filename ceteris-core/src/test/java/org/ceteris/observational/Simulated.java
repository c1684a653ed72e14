package org.ceteris.observational;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded simulated studies with a known effect, for calibration and refuter tests. */
final class Simulated {

    private Simulated() {
    }

    /**
     * n units; x1, x2 standard normal; P(T=1) = logistic(−0.3 + confounding·x1 + 0.5·x2);
     * y = 1 + effect·T + 2·x1 + x2 + N(0, 1).
     */
    static ObservationalData confounded(long seed, int n, double effect, double confounding) {
        return confounded(seed, n, effect, confounding, -0.3);
    }

    /** As above with P(T=1) = logistic(intercept + confounding·x1 + 0.5·x2). */
    static ObservationalData confounded(long seed, int n, double effect, double confounding, double intercept) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        boolean[] t = new boolean[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = rng.nextGaussian();
            x2[i] = rng.nextGaussian();
            double p = 1 / (1 + Math.exp(-(intercept + confounding * x1[i] + 0.5 * x2[i])));
            t[i] = rng.nextDouble() < p;
            y[i] = 1 + effect * (t[i] ? 1 : 0) + 2 * x1[i] + x2[i] + rng.nextGaussian();
        }
        return new ObservationalData("treat", "y", t, y,
                List.of(new Covariate.Numeric("x1", x1), new Covariate.Numeric("x2", x2)));
    }

    static ObserveSpec spec(Method method, Estimand estimand, List<String> refuters, long seed) {
        return new ObserveSpec("treat", "y", List.of("x1", "x2"), method, estimand, 1, false, Double.NaN, 0, refuters, seed, 0.05);
    }

    /** 1:1 matching with replacement (unbiased under strong confounding, unlike matching without). */
    static ObserveSpec matchWithReplacement(List<String> refuters, long seed) {
        return new ObserveSpec("treat", "y", List.of("x1", "x2"), Method.MATCH, Estimand.ATT, 1, true, Double.NaN, 0, refuters, seed, 0.05);
    }
}
