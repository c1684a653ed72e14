package org.ceteris.dag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The covariates an observational estimator should adjust for, chosen from the diagram: the
 * smallest minimal adjustment set for the total effect (ties broken alphabetically), and for every
 * other measured variable the reason it is left out. For {@code observe --dag}.
 *
 * @param covariates the set to adjust for, sorted (empty also when the empty set suffices)
 * @param identifiable false when no set of measured variables removes the confounding
 * @param reasons for every measured node other than exposure and outcome: why it is in or out
 */
public record AdjustmentAdvice(
        String exposure,
        String outcome,
        List<String> covariates,
        boolean identifiable,
        Map<String, String> reasons,
        List<List<String>> alternatives) {

    public AdjustmentAdvice {
        covariates = List.copyOf(covariates);
        reasons = java.util.Collections.unmodifiableMap(new TreeMap<>(reasons));
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    static AdjustmentAdvice of(Dag dag) {
        AdjustmentSets a = AdjustmentSets.of(dag, Effect.TOTAL);
        String x = a.exposures().get(0);
        String y = a.outcomes().get(0);
        List<List<String>> sets = new ArrayList<>(a.minimalSets());
        sets.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(AdjustmentSets.SET_ORDER));
        List<String> chosen = sets.isEmpty() ? List.of() : sets.get(0);
        Map<String, String> reasons = new TreeMap<>();
        for (String n : dag.observed()) {
            if (n.equals(x) || n.equals(y)) {
                continue;
            }
            String why;
            if (chosen.contains(n)) {
                why = "adjusted: it is in the smallest set that blocks every non-causal path from " + x + " to " + y;
            } else if (a.mediators().contains(n)) {
                why = "not adjusted: it is a mediator on a causal path from " + x + " to " + y
                        + "; adjusting would remove part of the effect";
            } else if (a.forbidden().contains(n)) {
                why = "not adjusted: it is affected by " + x + " (a descendant of a mediator or of the outcome); adjusting could create bias";
            } else if (a.adjustedButForbidden().contains(n)) {
                why = "marked [adjusted] but it may not be adjusted for";
            } else if (sets.stream().anyMatch(s -> s.contains(n))) {
                why = "not needed: an alternative set uses it, the chosen one does not";
            } else {
                why = "not needed: adjusting for it blocks no non-causal path (it may open one, if it is a collider)";
            }
            reasons.put(n, why);
        }
        for (String n : dag.withRole(Role.LATENT)) {
            reasons.put(n, "not measured ([latent]): cannot be adjusted for");
        }
        return new AdjustmentAdvice(x, y, chosen, !sets.isEmpty(), reasons, sets);
    }
}
