package org.ceteris.sequential;

import java.util.SplittableRandom;

/**
 * Thompson-sampling allocation (Russo, Van Roy, Kazerouni, Osband &amp; Wen, "A Tutorial on Thompson
 * Sampling", 2018; as GrowthBook's bandits): each active arm has a Gaussian posterior for its metric,
 * P(arm is best) is estimated by seeded Monte Carlo, and each active arm receives
 * floor + (1 − K·floor)·P(best), so that no active arm falls below the floor. Demoted arms get
 * nothing. O(K·draws).
 */
public final class ThompsonSampling {

    /** The default share every active arm keeps, so that none starves: 1%. */
    public static final double DEFAULT_FLOOR = 0.01;
    /** Monte Carlo draws per allocation by default. */
    public static final int DEFAULT_DRAWS = 10_000;

    private ThompsonSampling() {
    }

    /**
     * @param mean      posterior mean per arm
     * @param variance  posterior variance per arm; an active arm with a non-finite value means too
     *                  little data, and then the active arms share traffic equally
     * @param active    arms still in the test
     * @param direction which way is better
     * @param floor     minimum share per active arm, in [0, 1/K_active]
     * @param draws     Monte Carlo draws (≥ 1)
     * @param seed      seed of the draws: the same inputs and seed give the same allocation
     * @return the share of traffic per arm, summing to 1
     */
    public static double[] allocation(double[] mean, double[] variance, boolean[] active, Direction direction,
                                      double floor, int draws, long seed) {
        int k = mean.length;
        if (variance.length != k || active.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws < 1");
        }
        int nActive = 0;
        boolean known = true;
        for (int i = 0; i < k; i++) {
            if (active[i]) {
                nActive++;
                known &= Double.isFinite(mean[i]) && Double.isFinite(variance[i]) && variance[i] >= 0;
            }
        }
        if (nActive == 0) {
            throw new IllegalArgumentException("no active arm");
        }
        if (!(floor >= 0 && floor * nActive <= 1)) {
            throw new IllegalArgumentException("floor " + floor + " does not fit " + nActive + " active arms");
        }
        double[] share = new double[k];
        if (!known) {
            for (int i = 0; i < k; i++) {
                share[i] = active[i] ? 1.0 / nActive : 0.0;
            }
            return share;
        }
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(variance[i]);
        }
        long[] wins = new long[k];
        SplittableRandom rnd = new SplittableRandom(seed);
        int sign = direction.sign();
        for (int t = 0; t < draws; t++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                if (active[i]) {
                    double v = sign * (mean[i] + sd[i] * rnd.nextGaussian());
                    if (v > bestValue) {
                        bestValue = v;
                        best = i;
                    }
                }
            }
            wins[best]++;
        }
        double free = 1 - nActive * floor;
        for (int i = 0; i < k; i++) {
            share[i] = active[i] ? floor + free * wins[i] / draws : 0.0;
        }
        return share;
    }
}
