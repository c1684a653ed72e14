package org.ceteris.sequential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.experiment.Scorecard;
import org.ceteris.report.SequentialVerdict;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.CoMoments;

/**
 * Replays an experiment that already happened look by look, as a {@link SequentialMonitor} fed with
 * each look's batch would have seen it: each arm against control at every look, the arms demoted
 * along the way, and the decision. Pure: O(looks × K²).
 */
public final class SequentialAnalysis {

    private SequentialAnalysis() {
    }

    public static SequentialResult analyze(SequentialSpec spec, SequentialInput input) {
        List<String> arms = input.arms();
        if (arms.size() < 2) {
            throw new CeterisException("column '" + spec.variant() + "' has "
                    + (arms.isEmpty() ? "no variants" : "only one variant (" + arms.get(0) + ")")
                    + ": a sequential test needs a control and at least one other arm");
        }
        String control = Scorecard.chooseControl(spec.control(), spec.variant(), arms);
        List<String> order = new ArrayList<>();
        order.add(control);
        arms.stream().filter(a -> !a.equals(control)).forEach(order::add);
        if (input.batches().isEmpty()) {
            throw new CeterisException("no look has any unit with a value of " + spec.metric().name()
                    + ": check the --time and --metric columns");
        }
        SequentialMonitor.Settings settings = new SequentialMonitor.Settings(order, control, spec.kind(), spec.method(),
                spec.alpha(), spec.tuning(), spec.direction(), spec.demote());
        List<Diagnostic> diagnostics = new ArrayList<>();
        dataDiagnostics(spec, input, diagnostics);

        SequentialMonitor m = SequentialMonitor.start(settings);
        int k = order.size();
        List<SequentialResult.Look> looks = new ArrayList<>();
        List<SequentialResult.Demotion> demoted = new ArrayList<>();
        Map<String, List<Integer>> unreadable = new LinkedHashMap<>();
        boolean emptyInterval = false;
        int decisionLook = 0;
        boolean reachedMax = false;
        double[] runLow = new double[k];
        double[] runHigh = new double[k];
        double[] runP = new double[k];
        java.util.Arrays.fill(runLow, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(runHigh, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(runP, 1.0);
        List<SequentialInput.Batch> batches = input.batches();
        for (int b = 0; b < batches.size(); b++) {
            SequentialInput.Batch batch = batches.get(b);
            m = m.update(batch.stats());
            List<SequentialResult.Arm> rows = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                Reading r = m.againstControl(i);
                if (r != null) {
                    runLow[i] = Math.max(runLow[i], r.low());
                    runHigh[i] = Math.min(runHigh[i], r.high());
                    runP[i] = Math.min(runP[i], m.adjustedP(i));
                }
                rows.add(row(m, i, runLow[i], runHigh[i], runP[i]));
                if (i != m.controlIndex() && r == null) {
                    unreadable.computeIfAbsent(order.get(i), x -> new ArrayList<>()).add(batch.look());
                }
                emptyInterval |= r != null && runLow[i] > runHigh[i];
            }
            looks.add(new SequentialResult.Look(batch.look(), batch.time(), rows));
            for (int d = demoted.size(); d < m.demotions().size(); d++) {
                demoted.add(demotion(m.demotions().get(d), order, batch, settings));
            }
            if (m.winner() >= 0 && decisionLook == 0) {
                decisionLook = batch.look();
            }
            if (spec.nMax() != null && m.totalUnits() >= spec.nMax()) {
                reachedMax = true;
                if (b + 1 < batches.size()) {
                    diagnostics.add(Diagnostic.info(DiagnosticCode.BEYOND_N_MAX, String.format(Locale.ROOT,
                            "The planned %,d units were reached at look %d (%s); the %d later look(s) were not taken.",
                            spec.nMax(), batch.look(), batch.time(), batches.size() - b - 1)));
                }
                break;
            }
        }
        SequentialResult.Look lastLook = looks.get(looks.size() - 1);
        SequentialResult.Decision decision;
        org.ceteris.decision.Decision ship = SequentialDecision.decide(spec, m, order, looks.get(0), lastLook, reachedMax);
        if (m.winner() >= 0) {
            decision = new SequentialResult.Decision("winner", order.get(m.winner()), decisionLook, demoted, ship);
        } else {
            decision = new SequentialResult.Decision(reachedMax ? "no_difference" : "continue", null, lastLook.look(), demoted, ship);
        }
        armDiagnostics(m, order, unreadable, emptyInterval, settings, diagnostics);
        String summary = SequentialVerdict.write(spec, settings, looks, decision, diagnostics);
        return new SequentialResult(SequentialResult.METHOD, spec.method().label(), spec.alpha(), looks, decision,
                diagnostics, summary);
    }

    /** Arm {@code i} at this look: the running interval and p-value shown, this look's own kept beside them. */
    private static SequentialResult.Arm row(SequentialMonitor m, int i, double runLow, double runHigh, double runP) {
        CoMoments s = m.stats(i);
        Double mean = s.n() == 0 ? null : finite(m.value(i));
        String variant = m.settings().arms().get(i);
        String status = m.status(i).label();
        Reading r = m.againstControl(i);
        if (r == null) {
            return new SequentialResult.Arm(variant, s.n(), mean, null, null, null, null, status, null, null, null);
        }
        return new SequentialResult.Arm(variant, s.n(), mean, r.estimate(), runLow, runHigh, runP, status,
                m.adjustedP(i), r.low(), r.high());
    }

    private static SequentialResult.Demotion demotion(SequentialMonitor.Demotion d, List<String> order,
                                                      SequentialInput.Batch batch, SequentialMonitor.Settings settings) {
        String arm = order.get(d.arm());
        String by = order.get(d.by());
        Reading r = d.reading();
        String side = settings.direction() == Direction.HIGHER ? "above 0" : "below 0 (lower is better)";
        String reason = String.format(Locale.ROOT, "%s was proven worse than %s: the %s confidence sequence for %s − %s "
                        + "was [%s, %s], entirely %s",
                arm, by, Wording.confidence(settings.pairLevel()), by, arm,
                Wording.number(r.low()), Wording.number(r.high()), side);
        return new SequentialResult.Demotion(arm, batch.look(), batch.time(), reason);
    }

    private static void dataDiagnostics(SequentialSpec spec, SequentialInput input, List<Diagnostic> diagnostics) {
        if (input.unassigned() > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, input.unassigned()
                    + " unit(s) had no value in the variant column and were left out."));
        }
        if (input.untimed() > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, input.untimed()
                    + " unit(s) had no value in the time column " + spec.time() + " and were left out."));
        }
        if (input.excluded() > 0) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, input.excluded() + " unit(s) had a missing or "
                    + "non-numeric value of " + spec.metric().name()
                    + (spec.metric().covariate() != null ? " or of " + spec.metric().covariate() : "")
                    + " and were left out."));
        }
        if (!input.emptyLooks().isEmpty()) {
            List<String> named = input.emptyLooks().stream().limit(10).map(e -> e.look() + " (" + e.time() + ")").toList();
            diagnostics.add(Diagnostic.warning(DiagnosticCode.EMPTY_LOOK, (input.emptyLooks().size() == 1 ? "Look " : "Looks ")
                    + String.join(", ", named) + (input.emptyLooks().size() > 10 ? " and " + (input.emptyLooks().size() - 10) + " more" : "")
                    + (input.emptyLooks().size() == 1 ? " had" : " had") + " no units and " + (input.emptyLooks().size() == 1 ? "was" : "were")
                    + " skipped; the look numbers keep their place in the schedule."));
        }
    }

    private static void armDiagnostics(SequentialMonitor m, List<String> order, Map<String, List<Integer>> unreadable,
                                       boolean emptyInterval, SequentialMonitor.Settings settings, List<Diagnostic> diagnostics) {
        CoMoments control = m.stats(m.controlIndex());
        if (control.n() < 2) {
            throw new CeterisException("control '" + order.get(m.controlIndex()) + "' has " + control.n()
                    + " unit(s) with a value of the metric; it needs at least 2 to be compared with");
        }
        for (var e : unreadable.entrySet()) {
            List<Integer> at = e.getValue();
            int i = order.indexOf(e.getKey());
            if (m.stats(i).n() == 0) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.ARM_NOT_ESTIMABLE, "Arm " + e.getKey()
                        + " never had a unit with a value of the metric, so it was never compared with control."));
            } else if (m.againstControl(i) == null) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.ARM_NOT_ESTIMABLE, "Arm " + e.getKey()
                        + " never had enough units (at least 2 in it and in control, with some variation) to be compared with control."));
            } else {
                diagnostics.add(Diagnostic.info(DiagnosticCode.ARM_NOT_ESTIMABLE, "Arm " + e.getKey() + " could not be compared with "
                        + "control at " + (at.size() == 1 ? "look " + at.get(0) : at.size() + " looks (" + at.get(0) + " to "
                        + at.get(at.size() - 1) + ")") + ": too few units or no variation yet."));
            }
        }
        if (emptyInterval) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.INTERVAL_EMPTY, "The intervals of successive looks "
                    + "stopped overlapping: the effect seems to change over time, which the test assumes it does not."));
        }
        if (settings.kind() == MetricKind.CUPED) {
            CoMoments pooled = CoMoments.EMPTY;
            for (int i = 0; i < order.size(); i++) {
                pooled = pooled.merge(m.stats(i));
            }
            if (pooled.m2B() == 0) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.CUPED_NO_VARIANCE,
                        "The covariate has the same value for every unit, so it cannot reduce variance."));
            }
        }
        int k = order.size();
        if (k > 2) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.MULTIPLE_TESTING, String.format(Locale.ROOT,
                    "With %d arms, each arm is compared with control at level %s (p-values multiplied by %d) and each pair "
                            + "of arms at level %s for demotion and the winner (Bonferroni), so that the whole test errs with "
                            + "probability at most %s.", k, Wording.number(settings.controlLevel()), k - 1,
                    Wording.number(settings.pairLevel()), Wording.number(settings.alpha()))));
        }
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
