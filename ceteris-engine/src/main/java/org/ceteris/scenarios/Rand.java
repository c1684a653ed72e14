package org.ceteris.scenarios;

import java.util.SplittableRandom;

/** Seeded random draws for scenario generators (normal, log-normal, Poisson, Bernoulli). */
final class Rand {

    private final SplittableRandom rnd;

    Rand(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    double uniform() {
        return rnd.nextDouble();
    }

    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    /** Standard normal by Box–Muller (one value per call, deterministic for a seed). */
    double gaussian() {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    double normal(double mean, double sd) {
        return mean + sd * gaussian();
    }

    boolean bernoulli(double p) {
        return rnd.nextDouble() < p;
    }

    /** Poisson by inversion for small means, normal approximation above 500. */
    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
        }
        double l = Math.exp(-mean);
        long k = 0;
        double p = rnd.nextDouble();
        double cdf = l;
        double term = l;
        while (p > cdf && k < 10_000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
