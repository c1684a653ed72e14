package org.ceteris.decision;

import org.ceteris.experiment.Power;
import org.ceteris.report.Wording;

/**
 * Whether the test has the units it planned for.
 *
 * @param reached      true when the planned units (or the units per arm the target MDE needs at 80%
 *                     power) are in; null when no plan was given
 * @param reason       the sentence for the decision
 * @param furtherUnits units still needed (all arms together), null when reached or unknown
 * @param furtherDays  those units at the observed daily traffic, null when the days so far are unknown
 */
public record SampleStatus(Boolean reached, String reason, Long furtherUnits, Double furtherDays) {

    /** Power of the MDE target. */
    public static final double POWER = 0.8;

    /**
     * @param units        units so far, all arms together
     * @param arms         number of arms
     * @param minArmUnits  units of the smallest arm
     * @param controlMean  the goal metric's control mean (the base of the relative MDE)
     * @param pooledSd     the goal metric's per-unit standard deviation, √((σ_t² + σ_c²)/2) over the arms
     */
    public static SampleStatus of(DecisionSpec spec, long units, int arms, long minArmUnits, double controlMean,
                                  double pooledSd, double alpha) {
        Double perDay = spec.daysRunning() == null ? null : units / spec.daysRunning();
        if (spec.targetMde() != null && pooledSd > 0 && controlMean != 0 && Double.isFinite(controlMean)) {
            double absolute = spec.targetMde() * Math.abs(controlMean);
            long perArm = (long) Math.ceil(Power.nPerArm(pooledSd, absolute, alpha, POWER));
            String target = "a change of " + Wording.percent(spec.targetMde()) + " with 80% power";
            if (minArmUnits >= perArm) {
                return new SampleStatus(true, "The test has the " + count(perArm) + " units per arm it needs to detect "
                        + target + ".", null, null);
            }
            long further = (perArm - minArmUnits) * arms;
            return new SampleStatus(false, further(further, perDay, "to detect " + target + " (" + count(perArm)
                    + " per arm)"), further, days(further, perDay));
        }
        if (spec.plannedUnits() != null) {
            long planned = spec.plannedUnits();
            if (units >= planned) {
                return new SampleStatus(true, "The planned " + count(planned) + " units are in.", null, null);
            }
            long further = planned - units;
            return new SampleStatus(false, further(further, perDay, "to reach the planned " + count(planned)),
                    further, days(further, perDay));
        }
        String mde = pooledSd > 0 && minArmUnits >= 2 && controlMean != 0
                ? " With " + count(minArmUnits) + " units per arm it can detect a change of about "
                + Wording.percent(Power.mde(pooledSd, minArmUnits, alpha, POWER) / Math.abs(controlMean)) + " with 80% power."
                : "";
        return new SampleStatus(null, "No planned sample size or target effect was given, so it is not known whether the "
                + "test has run long enough." + mde, null, null);
    }

    private static String further(long units, Double perDay, String goal) {
        Double d = days(units, perDay);
        return "The test needs about " + count(units) + " more units " + goal
                + (d == null ? "." : ", about " + (long) Math.ceil(d) + " more day" + (Math.ceil(d) == 1 ? "" : "s")
                + " at the current traffic.");
    }

    private static Double days(long units, Double perDay) {
        return perDay == null || !(perDay > 0) ? null : units / perDay;
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
