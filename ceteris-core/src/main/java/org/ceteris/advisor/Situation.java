package org.ceteris.advisor;

/**
 * The shape of a causal question, as the advisor asks it. {@code null} means "not known yet".
 *
 * @param randomisable      can we choose at random who gets the change?
 * @param treatedUnits      how many units (members, cities, regions) got or will get the change
 * @param totalUnits        how many units there are in all
 * @param prePeriods        how many time periods of the outcome exist before the change
 * @param comparisonGroup   are there comparable units that did not get the change?
 * @param staggered         did units get the change at different times?
 * @param unitCovariates    is there unit-level data with characteristics that drove who got the change?
 * @param dag               has the team drawn a causal graph of what drives what?
 * @param earlyStopping     does the team want to look at results continuously and stop early?
 * @param variants          how many versions are compared (including control), for experiments
 * @param concurrent        do other experiments run on the same units at the same time?
 */
public record Situation(
        Boolean randomisable,
        Integer treatedUnits,
        Integer totalUnits,
        Integer prePeriods,
        Boolean comparisonGroup,
        Boolean staggered,
        Boolean unitCovariates,
        Boolean dag,
        Boolean earlyStopping,
        Integer variants,
        Boolean concurrent) {
}
