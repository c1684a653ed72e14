package org.ceteris.did;

import org.ceteris.CeterisException;

/**
 * The canonical 2×2 difference-in-differences by OLS on the (unit, period) panel,
 * y = a + b·treated + c·post + d·treated·post + u, with d the effect and its CR1 standard error
 * clustered by unit (Bertrand, Duflo &amp; Mullainathan 2004, QJE: serial correlation within a unit
 * makes unclustered errors far too small). Card &amp; Krueger (1994) Table 3 reproduces as 2.75.
 * Cost O(N) for N rows.
 */
final class TwoByTwoDid {

    /** The interaction coefficient, its standard error, and whether adoption is staggered. */
    record Estimate(double estimate, double se, int rows, int clusters, boolean staggered) {
    }

    private TwoByTwoDid() {
    }

    static Estimate estimate(DidPanel panel) {
        int rows = panel.rows();
        double[][] x = new double[rows][];
        int[] cellCount = new int[4];
        for (int r = 0; r < rows; r++) {
            double d = panel.treated()[r];
            double p = panel.post()[r];
            x[r] = new double[] {1.0, d, p, d * p};
            cellCount[(int) (2 * d + p)]++;
        }
        for (int c = 0; c < 4; c++) {
            if (cellCount[c] == 0) {
                throw new CeterisException("the 2x2 needs rows in all four cells; there are none that are "
                        + (c >= 2 ? "treated" : "untreated") + " and " + (c % 2 == 1 ? "post" : "pre")
                        + ": check --treated and --post");
            }
        }
        // errors are clustered by unit: with one unit on a side the "interval" collapses to a point
        java.util.Set<Integer> treatedUnits = new java.util.HashSet<>();
        java.util.Set<Integer> comparisonUnits = new java.util.HashSet<>();
        for (int r = 0; r < rows; r++) {
            (panel.treated()[r] == 1 ? treatedUnits : comparisonUnits).add(panel.unit()[r]);
        }
        if (treatedUnits.size() < 2 || comparisonUnits.size() < 2) {
            throw new CeterisException("the 2x2 needs at least 2 treated and 2 comparison units to measure its uncertainty; "
                    + "there are " + treatedUnits.size() + " treated and " + comparisonUnits.size() + " comparison units");
        }
        ClusterOls.Fit fit = ClusterOls.fit(x, panel.outcome(), panel.unit(), 0);
        return new Estimate(fit.coef()[3], fit.se(3), rows, fit.clusters(), staggered(panel));
    }

    /** True when treated units start their post period at different times (staggered adoption). */
    static boolean staggered(DidPanel panel) {
        int units = panel.units().size();
        int[] first = new int[units];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (int r = 0; r < panel.rows(); r++) {
            if (panel.treated()[r] == 1 && panel.post()[r] == 1) {
                first[panel.unit()[r]] = Math.min(first[panel.unit()[r]], panel.period()[r]);
            }
        }
        int seen = -1;
        for (int f : first) {
            if (f == Integer.MAX_VALUE) {
                continue;
            }
            if (seen >= 0 && f != seen) {
                return true;
            }
            seen = f;
        }
        return false;
    }
}
