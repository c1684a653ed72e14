package org.ceteris.observational;

import java.util.ArrayList;
import java.util.List;

/**
 * Covariate balance before and after weighting or matching (Austin 2009; Stuart 2010): standardized
 * mean differences with the denominator fixed from the unadjusted sample (so before and after are
 * comparable), and variance ratios. Weighted variances use the unbiased weighted form
 * Σw(x − x̄)²/(Σw − Σw²/Σw), as R's cobalt does. Cost O(n·p).
 */
public final class BalanceTable {

    /** |SMD| above this is a common rule of thumb for imbalance (Austin 2009). */
    public static final double SMD_THRESHOLD = 0.1;

    private BalanceTable() {
    }

    /**
     * @param before   covariates of every unit (before trimming)
     * @param treated  treatment of every unit
     * @param after    covariates of the units the estimator used
     * @param tAfter   their treatment
     * @param weights  their weights, or null when the estimator does not reweight
     */
    public static List<BalanceRow> of(DesignMatrix before, boolean[] treated, double[][] after, boolean[] tAfter,
                                      double[] weights, Estimand estimand) {
        List<BalanceRow> rows = new ArrayList<>();
        int[] treatedBefore = members(treated, true);
        int[] controlBefore = members(treated, false);
        int[] treatedAfter = weights == null ? null : members(tAfter, true);
        int[] controlAfter = weights == null ? null : members(tAfter, false);
        for (int j = 0; j < before.width(); j++) {
            double[] b1 = moments(before.columns()[j], treatedBefore, null);
            double[] b0 = moments(before.columns()[j], controlBefore, null);
            double denom = estimand == Estimand.ATT ? Math.sqrt(b1[1]) : Math.sqrt((b1[1] + b0[1]) / 2);
            double smdBefore = denom > 0 ? (b1[0] - b0[0]) / denom : Double.NaN;
            double vrBefore = b0[1] > 0 ? b1[1] / b0[1] : Double.NaN;
            double smdAfter = Double.NaN;
            double vrAfter = Double.NaN;
            if (weights != null) {
                double[] a1 = moments(after[j], treatedAfter, weights);
                double[] a0 = moments(after[j], controlAfter, weights);
                smdAfter = denom > 0 ? (a1[0] - a0[0]) / denom : Double.NaN;
                vrAfter = a0[1] > 0 ? a1[1] / a0[1] : Double.NaN;
            }
            rows.add(new BalanceRow(before.names().get(j), smdBefore, smdAfter, vrBefore, vrAfter));
        }
        return rows;
    }

    /** {mean, variance} of the group, weighted when {@code w} is given. */
    /** The rows whose treatment is {@code group}, in order (so the sums below add in row order without a branch per row). */
    private static int[] members(boolean[] t, boolean group) {
        int[] rows = new int[t.length];
        int m = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == group) {
                rows[m++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, m);
    }

    /** As {@link #moments(double[], int[], double[])} over the rows whose treatment is {@code group}. */
    static double[] moments(double[] x, boolean[] t, boolean group, double[] w) {
        return moments(x, members(t, group), w);
    }

    /** Weighted mean and unbiased weighted variance of x over the rows {@code members} (weights 1 when w is null). */
    static double[] moments(double[] x, int[] members, double[] w) {
        double sw = 0;
        double sw2 = 0;
        double sx = 0;
        for (int i : members) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            sw2 += wi * wi;
            sx += wi * x[i];
        }
        double mean = sx / sw;
        double ss = 0;
        for (int i : members) {
            double wi = w == null ? 1 : w[i];
            ss += wi * (x[i] - mean) * (x[i] - mean);
        }
        double var = ss / (sw - sw2 / sw);
        return new double[] {mean, var};
    }
}
