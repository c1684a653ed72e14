package org.ceteris.observational;

/** Ranges of the propensity score in each group (before trimming) and how many units trimming removed. */
public record Overlap(double treatedMin, double treatedMax, double controlMin, double controlMax, int trimmed) {

    public Overlap {
        if (trimmed < 0) {
            throw new IllegalArgumentException("trimmed < 0");
        }
    }

    public static Overlap of(boolean[] treated, double[] score, int trimmed) {
        double tmin = Double.POSITIVE_INFINITY;
        double tmax = Double.NEGATIVE_INFINITY;
        double cmin = Double.POSITIVE_INFINITY;
        double cmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < score.length; i++) {
            if (treated[i]) {
                tmin = Math.min(tmin, score[i]);
                tmax = Math.max(tmax, score[i]);
            } else {
                cmin = Math.min(cmin, score[i]);
                cmax = Math.max(cmax, score[i]);
            }
        }
        return new Overlap(tmin, tmax, cmin, cmax, trimmed);
    }

    /** True when the two ranges do not intersect at all. */
    public boolean disjoint() {
        return treatedMin > controlMax || controlMin > treatedMax;
    }
}
