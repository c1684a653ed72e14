package org.ceteris.sequential;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * A replayed sequential test: every look with each arm against control, the decision, the diagnostics
 * and the verdict in words.
 *
 * @param test "cs" or "msprt"
 */
public record SequentialResult(
        String method,
        String test,
        double alpha,
        List<Look> looks,
        Decision decision,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "sequential";

    public SequentialResult {
        looks = List.copyOf(looks);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One look: its number in the schedule, the latest arrival time in it, and every arm. */
    public record Look(int look, String time, List<Arm> arms) {
        public Look {
            arms = List.copyOf(arms);
        }
    }

    /**
     * One arm at one look. {@code estimate}, the interval and {@code pValue} are for the arm against
     * control (the interval at level α/(K−1), the p-value Bonferroni-adjusted, so p &lt; α exactly when
     * the interval excludes zero); they are null for control and while an arm has too little data.
     *
     * <p>{@code pValue} is the always-valid p-value as Johari et al. (2017) define it, the running
     * minimum over the looks so far, and {@code ciLow}/{@code ciHigh} the running intersection of the
     * confidence sequence (valid because the sequence covers at every look at once, Howard et al. 2021);
     * so the p-value never rises and the interval never widens from one look to the next. The values of
     * this look alone are kept as {@code pValueLook}, {@code ciLowLook} and {@code ciHighLook}. (The
     * mSPRT is defined on the running values, so for it the two agree.)
     *
     * @param mean   the arm's mean (for a ratio metric ΣM/ΣD), null without data
     * @param status "active", "demoted" or "winner"
     */
    public record Arm(String variant, long n, Double mean, Double estimate, Double ciLow, Double ciHigh,
                      Double pValue, String status, Double pValueLook, Double ciLowLook, Double ciHighLook) {
    }

    /**
     * What the test concluded.
     *
     * @param status "winner", "no_difference" (the planned n-max was reached without a winner) or
     *               "continue" (keep collecting)
     * @param winner the winning arm, or null
     * @param look   the look at which the winner was declared, else the last look
     * @param recommendation, reasons, furtherUnits, furtherDays the ship decision as in every A/B result
     *               ({@link org.ceteris.decision.Decision}): "ship", "do_not_ship", "keep_running" or "inconclusive"
     */
    public record Decision(String status, String winner, int look, List<Demotion> demoted, String recommendation,
                           List<String> reasons, Long furtherUnits, Double furtherDays) {
        public Decision {
            demoted = List.copyOf(demoted);
            reasons = List.copyOf(reasons);
        }

        Decision(String status, String winner, int look, List<Demotion> demoted, org.ceteris.decision.Decision ship) {
            this(status, winner, look, demoted, ship.recommendation(), ship.reasons(), ship.furtherUnits(), ship.furtherDays());
        }
    }

    /** An arm taken out of the test, when, and why. */
    public record Demotion(String variant, int look, String time, String reason) {
    }
}
