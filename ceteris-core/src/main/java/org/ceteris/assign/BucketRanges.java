package org.ceteris.assign;

import java.util.List;

/**
 * Variation ranges from coverage and weights, and the choice of a variation for a bucket, as the
 * GrowthBook SDKs' {@code getBucketRanges} and {@code chooseVariation}: variation i owns
 * [c_i, c_i + coverage·w_i) where c_i = w_0 + … + w_{i−1}, so that lowering coverage removes units
 * from the end of every range and never moves a unit between variations. The floating-point
 * operations are the SDK's, in its order, so boundaries agree bit for bit. Cost O(k) for k variations.
 */
public final class BucketRanges {

    private BucketRanges() {
    }

    /** The [start, end) range of each variation; weights are validated by {@link ExperimentConfig}. */
    public static double[][] of(double coverage, List<Double> weights) {
        double[][] ranges = new double[weights.size()][];
        double cumulative = 0;
        for (int i = 0; i < ranges.length; i++) {
            double w = weights.get(i);
            double start = cumulative;
            cumulative += w;
            ranges[i] = new double[] {start, start + coverage * w};
        }
        return ranges;
    }

    /** The index of the range holding {@code bucket}, or −1 when it falls outside all of them. */
    public static int choose(double bucket, double[][] ranges) {
        for (int i = 0; i < ranges.length; i++) {
            if (bucket >= ranges[i][0] && bucket < ranges[i][1]) {
                return i;
            }
        }
        return -1;
    }
}
