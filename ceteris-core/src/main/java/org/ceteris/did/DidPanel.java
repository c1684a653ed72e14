package org.ceteris.did;

import java.util.List;
import org.ceteris.CeterisException;

/**
 * The compact panel a DiD estimator reads: one row per (unit, period) with the outcome mean of
 * that cell, built by SQL (never raw event rows). Units and periods are indexed; the staggered
 * design carries each unit's first treated period, the 2×2 design a treated and a post flag per
 * row. Covariates are per-row values (cell means), one array per covariate.
 *
 * @param units        unit labels, index = position
 * @param periods      the distinct periods, ascending
 * @param unit         unit index of each row
 * @param period       period index of each row
 * @param outcome      outcome mean of each row
 * @param treated      2×2: ever-treated flag of each row (0/1), else null
 * @param post         2×2: post-period flag of each row (0/1), else null
 * @param firstTreated staggered: first treated period of each unit, 0 = never, else null
 * @param covariates   [covariate][row] values, possibly empty
 * @param missingRows  source rows left out because the outcome or a needed column was missing
 * @param periodDates  when the time column holds dates: the ISO date of each period, and then the
 *                     periods (and first treated periods) are their positions 1..T in this list, so
 *                     that event times count periods, whatever the gaps between dates; null for numbers
 */
public record DidPanel(
        List<String> units,
        long[] periods,
        int[] unit,
        int[] period,
        double[] outcome,
        double[] treated,
        double[] post,
        long[] firstTreated,
        List<String> covariateNames,
        double[][] covariates,
        long missingRows,
        List<String> periodDates) {

    /** A panel whose periods are numbers. */
    public DidPanel(List<String> units, long[] periods, int[] unit, int[] period, double[] outcome, double[] treated, double[] post,
            long[] firstTreated, List<String> covariateNames, double[][] covariates, long missingRows) {
        this(units, periods, unit, period, outcome, treated, post, firstTreated, covariateNames, covariates, missingRows, null);
    }

    public DidPanel {
        periodDates = periodDates == null ? null : List.copyOf(periodDates);
        if (periodDates != null && periodDates.size() != periods.length) {
            throw new IllegalArgumentException("one date per period expected");
        }
        units = List.copyOf(units);
        covariateNames = List.copyOf(covariateNames);
        int n = outcome.length;
        if (unit.length != n || period.length != n || (treated != null && treated.length != n)
                || (post != null && post.length != n) || covariates.length != covariateNames.size()) {
            throw new IllegalArgumentException("panel arrays differ in length");
        }
        if (firstTreated != null && firstTreated.length != units.size()) {
            throw new IllegalArgumentException("one first-treated period per unit expected");
        }
        if (n == 0) {
            throw new CeterisException("no rows to analyse: the outcome is missing everywhere or the data are empty");
        }
    }

    public int rows() {
        return outcome.length;
    }
}
