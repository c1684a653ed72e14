package org.ceteris.dag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;

/**
 * {@code dag adjust}: the adjustment analysis of {@link AdjustmentSets} as a result with
 * diagnostics and a plain-language summary. Cost: that of the enumeration, O(n (n + m)) per set.
 */
public final class DagAdjust {

    private DagAdjust() {
    }

    public static DagAdjustResult analyze(DagAdjustSpec spec) {
        Dag dag = spec.effectDag();
        AdjustmentSets a = AdjustmentSets.of(dag, spec.effect());
        String x = String.join(",", a.exposures());
        String y = String.join(",", a.outcomes());
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!a.causalPath()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DAG_NO_CAUSAL_PATH, "the DAG has no directed path from " + x + " to " + y
                    + ", so it says the effect is zero"));
        }
        if (!a.adjustedButForbidden().isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_ADJUSTED_FORBIDDEN, "marked [adjusted] but may not be adjusted for: "
                    + String.join(", ", a.adjustedButForbidden()) + " (affected by the exposure); no valid set contains them"));
        }
        if (!a.identifiable()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.DAG_NOT_IDENTIFIABLE, "no set of measured variables removes the confounding of "
                    + x + " and " + y + ", and no front-door set exists"));
        } else if (a.minimalSets().isEmpty()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DAG_FRONTDOOR_ONLY, "no adjustment set exists; the effect is identified through "
                    + "the front-door set " + a.frontdoorSets().get(0)));
        }
        if (a.truncated()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DAG_SETS_TRUNCATED, "only the first " + AdjustmentSets.LIMIT
                    + " minimal sets are listed"));
        }
        return new DagAdjustResult(DagAdjustResult.METHOD, x, y, spec.effect().label(), a.identifiable(), a.minimalSets(),
                a.frontdoorSets(), a.instruments(), diagnostics, summary(a, x, y));
    }

    static String summary(AdjustmentSets a, String x, String y) {
        List<String> s = new ArrayList<>();
        String what = (a.effect() == Effect.DIRECT ? "the direct effect of " : "the effect of ") + x + " on " + y;
        List<List<String>> sets = new ArrayList<>(a.minimalSets());
        sets.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(AdjustmentSets.SET_ORDER));
        if (!sets.isEmpty()) {
            List<String> best = sets.get(0);
            if (best.isEmpty()) {
                s.add("According to this diagram, " + what + " can be estimated without adjusting for anything: "
                        + "no other variable creates a misleading link between them.");
            } else {
                s.add("According to this diagram, to estimate " + what + " compare like with like on "
                        + String.join(", ", best) + (sets.size() > 1 ? " (the smallest of " + sets.size()
                        + " sets that work equally well)" : "") + ".");
            }
        } else if (!a.frontdoorSets().isEmpty()) {
            s.add("According to this diagram, no set of measured variables removes the confounding of " + what
                    + ", but it can still be worked out step by step through " + String.join(", ", a.frontdoorSets().get(0))
                    + ", which carries the whole effect.");
        } else if (a.causalPath()) {
            s.add("According to this diagram, " + what + " cannot be estimated from the measured variables alone: "
                    + "unmeasured factors influence both, and no measured variable can stand in for them.");
        } else {
            s.add("According to this diagram, no set of measured variables separates " + x + " from " + y
                    + ", so their association cannot be cleaned of other influences.");
        }
        if (a.effect() == Effect.TOTAL && !a.mediators().isEmpty() && !sets.isEmpty()) {
            s.add("Do not adjust for " + String.join(", ", a.mediators()) + ": "
                    + (a.mediators().size() == 1 ? "it lies" : "they lie") + " on the path through which " + x
                    + " acts, so adjusting would hide part of the effect.");
        }
        if (!a.instruments().isEmpty() && a.minimalSets().isEmpty()) {
            s.add("A natural experiment may help: " + a.instruments().get(0).instrument()
                    + " shifts " + x + " without otherwise affecting " + y + ".");
        }
        if (!a.causalPath()) {
            s.add("The diagram has no path by which " + x + " could change " + y + ", so it assumes there is no effect.");
        }
        s.add("These conclusions are only as good as the diagram: an arrow left out is an assumption.");
        return String.join(" ", s);
    }
}
