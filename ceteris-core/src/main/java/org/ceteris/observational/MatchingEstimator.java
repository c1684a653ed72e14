package org.ceteris.observational;

import org.ceteris.CeterisException;

/**
 * The ATT by greedy nearest-neighbour matching on the propensity score ({@link NearestNeighborMatcher}),
 * estimated as MatchIt's vignette does: {@code lm(y ~ treat, weights)} on the matched rows (one row
 * per treated unit and one per control slot, as {@code get_matches()}: weight 1 for the treated and
 * 1/k for each of its k controls) with a standard error clustered by matched set,
 * {@code vcovCL(fit, cluster = ~subclass)}. Cost O(n log n).
 *
 * @param ratio      controls per treated unit (k)
 * @param replace    whether a control may serve several treated units
 * @param caliperSd  caliper in standard deviations of the score (sample SD over all units, as
 *                   MatchIt's {@code std.caliper = TRUE}), or NaN for none
 */
public record MatchingEstimator(int ratio, boolean replace, double caliperSd) implements EffectEstimator {

    public MatchingEstimator {
        if (ratio < 1) {
            throw new CeterisException("--ratio must be at least 1, got " + ratio);
        }
        if (!Double.isNaN(caliperSd) && !(caliperSd > 0)) {
            throw new CeterisException("--caliper must be positive (standard deviations of the score), got " + caliperSd);
        }
    }

    /** The caliper on the score scale: caliperSd × sd(score). */
    public double caliperWidth(double[] score) {
        if (Double.isNaN(caliperSd)) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (double s : score) {
            m += s;
        }
        m /= score.length;
        double ss = 0;
        for (double s : score) {
            ss += (s - m) * (s - m);
        }
        return caliperSd * Math.sqrt(ss / (score.length - 1));
    }

    public MatchedSets match(boolean[] treated, double[] score) {
        return NearestNeighborMatcher.match(treated, score, ratio, replace, caliperWidth(score));
    }

    @Override
    public Estimate estimate(double[] y, boolean[] treated, double[][] x, double[] score, Estimand estimand) {
        if (estimand != Estimand.ATT) {
            throw new CeterisException("matching estimates the effect on the treated only: use --estimand att, "
                    + "or --method ipw or aipw for the average effect (ate)");
        }
        MatchedSets m = match(treated, score);
        if (m.sets() == 0) {
            throw new CeterisException("no treated unit found a control within the caliper; widen --caliper or drop it");
        }
        return estimate(y, m, treated.length);
    }

    /** ATT and cluster-robust SE of given matched sets. */
    static Estimate estimate(double[] y, MatchedSets m, int n) {
        int rows = m.sets() + m.controls().length;
        double[] yy = new double[rows];
        boolean[] tt = new boolean[rows];
        double[] ww = new double[rows];
        int[] cl = new int[rows];
        int r = 0;
        for (int s = 0; s < m.sets(); s++) {
            int k = m.controlStart()[s + 1] - m.controlStart()[s];
            yy[r] = y[m.treated()[s]];
            tt[r] = true;
            ww[r] = 1;
            cl[r++] = s;
            for (int j = m.controlStart()[s]; j < m.controlStart()[s + 1]; j++) {
                yy[r] = y[m.controls()[j]];
                ww[r] = 1.0 / k;
                cl[r++] = s;
            }
        }
        double[] est = m.sets() > 1 ? WeightedDifference.of(yy, tt, ww, cl, m.sets())
                : new double[] {WeightedDifference.of(yy, tt, ww, null, 0)[0], Double.NaN};
        return new Estimate(est[0], est[1], m.weights(n), m.distinctControls(n), m.unmatched());
    }
}
