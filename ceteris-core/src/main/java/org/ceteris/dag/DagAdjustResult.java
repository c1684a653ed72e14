package org.ceteris.dag;

import java.util.List;
import java.util.Objects;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * What to adjust for: every minimal adjustment set ({@code [[]]} when adjusting for nothing is
 * enough, empty when no set works), the minimal front-door sets, the instruments, and whether the
 * effect is identifiable from the measured variables. Sets and their members are sorted.
 */
public record DagAdjustResult(
        String method,
        String exposure,
        String outcome,
        String effect,
        boolean identifiable,
        List<List<String>> minimalSets,
        List<List<String>> frontdoorSets,
        List<Instrument> instruments,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "dag_adjust";

    public DagAdjustResult {
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(outcome, "outcome");
        minimalSets = minimalSets.stream().map(List::copyOf).toList();
        frontdoorSets = frontdoorSets.stream().map(List::copyOf).toList();
        instruments = List.copyOf(instruments);
        diagnostics = List.copyOf(diagnostics);
        for (List<String> s : minimalSets) {
            if (!s.stream().sorted().toList().equals(s)) {
                throw new IllegalArgumentException("set members must be sorted: " + s);
            }
        }
    }
}
