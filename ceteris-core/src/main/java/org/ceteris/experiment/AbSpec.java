package org.ceteris.experiment;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.stats.MultipleTesting.Correction;

/**
 * Everything an A/B/n scorecard needs besides its data: the columns, the metrics, the expected
 * split and the error rates. The CLI flags, the workspace YAML and the REST body all build this one
 * record.
 *
 * @param control the control variant, or null for the default ("control", else the first in sort order)
 * @param unit    the unit column to sum rows over before analysis, or null when each row is a unit
 * @param split   expected traffic weight per variant for the SRM check; empty means equal
 * @param decision directions, guardrails, inference engine and plan ({@link DecisionSpec#DEFAULT} when none is given)
 */
public record AbSpec(
        String variant,
        String control,
        String unit,
        List<MetricSpec> metrics,
        Map<String, Double> split,
        double alpha,
        Correction correction,
        DecisionSpec decision) {

    public AbSpec(String variant, String control, String unit, List<MetricSpec> metrics, Map<String, Double> split,
                  double alpha, Correction correction) {
        this(variant, control, unit, metrics, split, alpha, correction, DecisionSpec.DEFAULT);
    }

    public AbSpec {
        if (variant == null || variant.isBlank()) {
            throw new CeterisException("name the variant column with --variant");
        }
        if (metrics == null || metrics.isEmpty()) {
            throw new CeterisException("give at least one --metric, --ratio or --quantile");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        metrics = List.copyOf(metrics);
        split = split == null ? Map.of() : Map.copyOf(split);
        correction = correction == null ? Correction.HOLM : correction;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MetricSpec m : metrics) {
            if (!names.add(m.name())) {
                throw new CeterisException("metric '" + m.name() + "' is given twice");
            }
        }
        decision = decision == null ? DecisionSpec.DEFAULT : decision;
        requireMetrics(decision.better().keySet(), names, "--better");
        requireMetrics(decision.guardrails().keySet(), names, "--guardrail");
        if (decision.goal() != null) {
            requireMetrics(java.util.Set.of(decision.goal()), names, "--goal");
        }
        for (var e : split.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new CeterisException("--split weight for '" + e.getKey() + "' must be positive");
            }
        }
    }

    private static void requireMetrics(java.util.Set<String> named, java.util.Set<String> metrics, String flag) {
        for (String m : new java.util.TreeSet<>(named)) {
            if (!metrics.contains(m)) {
                throw new CeterisException(flag + " names '" + m + "', which is not a metric of this study; the metrics are "
                        + String.join(", ", new java.util.TreeSet<>(metrics)));
            }
        }
    }

    /** The goal metric: the one named, else the first. */
    public String goal() {
        return decision.goal() != null ? decision.goal() : metrics.get(0).name();
    }
}
