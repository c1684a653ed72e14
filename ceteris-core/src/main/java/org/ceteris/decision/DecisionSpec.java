package org.ceteris.decision;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.experiment.bayes.EffectScale;
import org.ceteris.experiment.bayes.GaussianPrior;
import org.ceteris.sequential.Direction;

/**
 * What a study needs to turn its effects into a decision: each metric's good direction, the
 * guardrails with their non-inferiority margins, the inference engine, and the plan (sample size or
 * target MDE, days so far) that says whether to keep running. The CLI's decision flags, the YAML keys
 * {@code better}, {@code guardrail}, {@code inference}, … and the REST body build this one record.
 *
 * @param better        per metric, the good direction; a metric not named is "higher is better"
 * @param guardrails    per guardrail metric, the relative margin (−0.01: may fall at most 1%; with lower
 *                      is better a positive margin: may rise at most that much)
 * @param effectScale   the scale of the Bayesian effect, its prior and its risk
 * @param prior         a proper Gaussian prior for the Bayesian effect, or null (flat)
 * @param goal          the goal metric, or null for the first metric
 * @param plannedUnits  the planned total number of units, or null
 * @param targetMde     the relative effect the test should detect at 80% power (0.02 = 2%), or null
 * @param daysRunning   days the test has run so far, for the daily traffic; null when unknown
 */
public record DecisionSpec(
        Map<String, Direction> better,
        Map<String, Double> guardrails,
        Inference inference,
        EffectScale effectScale,
        GaussianPrior prior,
        String goal,
        Long plannedUnits,
        Double targetMde,
        Double daysRunning) {

    public static final DecisionSpec DEFAULT = new DecisionSpec(Map.of(), Map.of(), Inference.FREQUENTIST,
            EffectScale.RELATIVE, null, null, null, null, null);

    public DecisionSpec {
        better = better == null ? Map.of() : Map.copyOf(better);
        guardrails = guardrails == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(guardrails));
        inference = inference == null ? Inference.FREQUENTIST : inference;
        effectScale = effectScale == null ? EffectScale.RELATIVE : effectScale;
        for (var g : guardrails.entrySet()) {
            double m = g.getValue();
            Direction d = better.getOrDefault(g.getKey(), Direction.HIGHER);
            if (!Double.isFinite(m) || m == 0 || Math.signum(m) != -d.sign()) {
                throw new CeterisException("guardrail margin for " + g.getKey() + " is " + percent(m) + ", but "
                        + d.label() + " is better for it: give a " + (d == Direction.HIGHER ? "negative" : "positive")
                        + " margin such as " + (d == Direction.HIGHER ? "-1%" : "1%") + " (how far it may move the bad way)");
            }
        }
        if (plannedUnits != null && plannedUnits < 2) {
            throw new CeterisException("--planned-units must be at least 2, got " + plannedUnits);
        }
        if (targetMde != null && !(targetMde > 0 && Double.isFinite(targetMde))) {
            throw new CeterisException("--target-mde must be a positive relative effect such as 2%, got " + targetMde);
        }
        if (daysRunning != null && !(daysRunning > 0 && Double.isFinite(daysRunning))) {
            throw new CeterisException("--days-running must be a positive number of days, got " + daysRunning);
        }
    }

    public Direction direction(String metric) {
        return better.getOrDefault(metric, Direction.HIGHER);
    }

    /** True when the good direction of {@code metric} was set explicitly (then summaries say whether a change is good). */
    public boolean hasDirection(String metric) {
        return better.containsKey(metric);
    }

    private static String percent(double m) {
        return String.format(java.util.Locale.ROOT, "%s%%", new java.math.BigDecimal(m * 100).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString());
    }
}
