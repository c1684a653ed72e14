package org.ceteris.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceteris.decision.Decision.Recommendation;
import org.ceteris.report.Wording;

/**
 * The ship decision, from the goal metric, the guardrails, the sample-ratio check and the sample size;
 * pure and O(arms + guardrails). In order:
 * <ol>
 * <li>a sample-ratio mismatch makes every effect suspect: inconclusive;</li>
 * <li>a breached guardrail: do not ship;</li>
 * <li>an arm clearly better on the goal: ship it when every guardrail is ok; keep running when a
 *     guardrail is still inconclusive and the planned sample is not in; else inconclusive;</li>
 * <li>every arm clearly worse on the goal: do not ship;</li>
 * <li>no clear effect: keep running while the planned sample (or the units the target MDE needs) is
 *     not in, else inconclusive.</li>
 * </ol>
 * Every consideration adds its sentence to the reasons, whatever the outcome.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /** The goal's arms and the guardrails (metric → result, in the study's order). */
    public static Decision decide(List<GoalArm> arms, Map<String, GuardrailResult> guardrails,
                                  boolean srmMismatch, SampleStatus sample) {
        List<String> reasons = new ArrayList<>();
        for (GoalArm a : arms) {
            reasons.add(a.finding() + switch (a.outcome()) {
                case GOOD -> ", which is good.";
                case BAD -> ", which is bad.";
                case UNCLEAR -> "; the data cannot tell it apart from no effect.";
            });
        }
        boolean breached = false;
        boolean open = false;
        for (var g : guardrails.entrySet()) {
            String name = Wording.humanize(g.getKey());
            GuardrailResult r = g.getValue();
            String margin = Wording.percent(Math.abs(r.margin()));
            String way = r.margin() < 0 ? "fall" : "rise";
            reasons.add(switch (r.status()) {
                case GuardrailResult.OK -> "Guardrail " + name + " is safe: it did not " + way + " by " + margin + " or more.";
                case GuardrailResult.BREACHED -> "Guardrail " + name + " was harmed: it " + (r.margin() < 0 ? "fell" : "rose")
                        + " by more than the allowed " + margin + ".";
                default -> "Guardrail " + name + " cannot yet be shown safe: a " + way + " of " + margin
                        + " or more is still possible.";
            });
            breached |= r.status().equals(GuardrailResult.BREACHED);
            open |= r.status().equals(GuardrailResult.INCONCLUSIVE);
        }
        reasons.add(srmMismatch
                ? "The traffic split is not what was planned (sample-ratio mismatch): find the cause in assignment or logging before acting."
                : "The traffic split matches the plan.");
        reasons.add(sample.reason());

        GoalArm winner = arms.stream().filter(a -> a.outcome() == GoalArm.Outcome.GOOD).findFirst().orElse(null);
        boolean allBad = !arms.isEmpty() && arms.stream().allMatch(a -> a.outcome() == GoalArm.Outcome.BAD);
        boolean running = Boolean.FALSE.equals(sample.reached());
        Recommendation rec;
        if (srmMismatch) {
            rec = Recommendation.INCONCLUSIVE;
        } else if (breached) {
            rec = Recommendation.DO_NOT_SHIP;
        } else if (winner != null) {
            rec = !open ? Recommendation.SHIP : running ? Recommendation.KEEP_RUNNING : Recommendation.INCONCLUSIVE;
        } else if (allBad) {
            rec = Recommendation.DO_NOT_SHIP;
        } else {
            rec = running ? Recommendation.KEEP_RUNNING : Recommendation.INCONCLUSIVE;
        }
        boolean keep = rec == Recommendation.KEEP_RUNNING;
        return new Decision(rec.label(), rec == Recommendation.SHIP ? winner.variant() : null, reasons,
                keep ? sample.furtherUnits() : null, keep ? sample.furtherDays() : null);
    }
}
