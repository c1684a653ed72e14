package org.ceteris.studies;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.decision.DecisionSpecBuilder;

/**
 * The decision keys of a study in {@code ceteris.yaml}, the CLI's decision flags in snake_case:
 * <pre>
 * better: {inactive_30: lower}          # or [inactive_30=lower]
 * guardrail: {sessions: {margin: -1%}}  # or {sessions: -1%}, or [sessions:-1%]
 * inference: bayesian
 * effect: relative
 * prior_mean: 0
 * prior_sd: 0.05
 * prior_scale: relative
 * goal: watch_minutes
 * planned_units: 40000
 * target_mde: 2%
 * days_running: 7
 * </pre>
 */
final class DecisionParams {

    static final List<String> KEYS = List.of("better", "guardrail", "inference", "effect", "prior_mean", "prior_sd",
            "prior_scale", "goal", "planned_units", "target_mde", "days_running");

    private DecisionParams() {
    }

    /** {@code keys} and the decision's keys, which every scorecard takes. */
    static java.util.Set<String> plus(java.util.Set<String> keys) {
        java.util.Set<String> all = new java.util.HashSet<>(keys);
        all.addAll(KEYS);
        return all;
    }

    static DecisionSpec spec(Params p) {
        DecisionSpecBuilder b = new DecisionSpecBuilder().inference(p.optString("inference")).effect(p.optString("effect"))
                .priorScale(p.optString("prior_scale")).goal(p.optString("goal"))
                .priorMean(p.has("prior_mean") ? p.doubleOr("prior_mean", 0) : null)
                .priorSd(p.has("prior_sd") ? p.doubleOr("prior_sd", 0) : null)
                .plannedUnits(p.has("planned_units") ? p.longOr("planned_units", 0) : null)
                .targetMde(p.optString("target_mde"))
                .daysRunning(p.has("days_running") ? p.doubleOr("days_running", 0) : null);
        if (p.asMap().get("better") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> b.better(String.valueOf(k), String.valueOf(v)));
        } else {
            p.strings("better").forEach(b::better);
        }
        if (p.asMap().get("guardrail") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> b.guardrail(String.valueOf(k), margin(String.valueOf(k), v)));
        } else {
            p.strings("guardrail").forEach(b::guardrail);
        }
        return b.build();
    }

    private static String margin(String metric, Object v) {
        if (v instanceof Map<?, ?> m) {
            if (!m.containsKey("margin") || m.size() != 1) {
                throw new CeterisException("guardrail " + metric + ": give {margin: -1%} (how far it may move the bad way)");
            }
            return String.valueOf(m.get("margin"));
        }
        return String.valueOf(v);
    }
}
