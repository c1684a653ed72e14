package org.ceteris.assign;

/**
 * One unit's assignment in one experiment. {@code variation} is empty and {@code variationIndex}
 * −1 when the unit does not take part; {@code bucket} is the unit's hash in [0, 1) for the
 * experiment's seed and hash version either way.
 */
public record Assignment(String experiment, String variation, int variationIndex, double bucket, boolean inExperiment) {

    public Assignment {
        if (inExperiment != (variationIndex >= 0)) {
            throw new IllegalArgumentException("inExperiment must agree with variationIndex");
        }
        if (variation == null) {
            variation = "";
        }
    }
}
