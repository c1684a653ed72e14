package org.ceteris.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.Severity;
import org.ceteris.sequential.Direction;
import org.ceteris.sequential.SequentialMonitor;
import org.ceteris.sequential.SequentialResult;
import org.ceteris.sequential.SequentialSpec;

/**
 * The plain-language verdict of a replayed sequential test: who won and when (or that the test must
 * go on, or that the planned size was reached without a difference), which arms were taken out and
 * why, and where each arm stands against control at the last look.
 */
public final class SequentialVerdict {

    private SequentialVerdict() {
    }

    public static String write(SequentialSpec spec, SequentialMonitor.Settings settings, List<SequentialResult.Look> looks,
                               SequentialResult.Decision decision, List<Diagnostic> diagnostics) {
        String metric = Wording.humanize(spec.metric().name());
        String better = spec.direction() == Direction.HIGHER ? "higher" : "lower";
        SequentialResult.Look last = looks.get(looks.size() - 1);
        List<String> sentences = new ArrayList<>();
        switch (decision.status()) {
            case "winner" -> {
                SequentialResult.Look at = looks.stream().filter(l -> l.look() == decision.look()).findFirst().orElse(last);
                boolean isControl = decision.winner().equals(settings.control());
                sentences.add(String.format(Locale.ROOT, "%s is the winner: at look %d (%s), after %,d units, its %s was "
                                + "%s than that of every other variant still in the test%s.",
                        isControl ? "Control (" + decision.winner() + ")" : "Variant " + decision.winner(), at.look(), at.time(),
                        units(at), metric, better, isControl ? ", so none of the changes helped" : ""));
            }
            case "no_difference" -> sentences.add(String.format(Locale.ROOT, "The planned %,d units were reached at look %d (%s) "
                            + "without any variant proving better than the others on %s: treat them as no different, "
                            + "within the precision the test reached.", spec.nMax(), last.look(), last.time(), metric));
            default -> sentences.add(String.format(Locale.ROOT, "After %d look%s (up to %s, %,d units), no variant can yet be "
                            + "declared best on %s: keep the test running.", looks.size(), looks.size() == 1 ? "" : "s",
                    last.time(), units(last), metric));
        }
        for (SequentialResult.Demotion d : decision.demoted()) {
            sentences.add(String.format(Locale.ROOT, "%s was taken out of the test at look %d (%s) because it was "
                    + "clearly worse than another variant.", d.variant().equals(settings.control()) ? "Control (" + d.variant() + ")"
                    : "Variant " + d.variant(), d.look(), d.time()));
        }
        List<String> ahead = new ArrayList<>();
        for (SequentialResult.Arm a : last.arms()) {
            if (a.estimate() != null && a.ciLow() != null && (a.ciLow() > 0 || a.ciHigh() < 0)) {
                ahead.add(a.variant() + " " + (a.estimate() > 0 ? "above" : "below") + " control by "
                        + Wording.number(Math.abs(a.estimate())) + " (" + Wording.number(a.ciLow()) + " to "
                        + Wording.number(a.ciHigh()) + ")");
            }
        }
        if (!ahead.isEmpty()) {
            sentences.add("At the last look " + String.join("; ", ahead) + ".");
        }
        sentences.add("These ranges stay valid however often the results are looked at ("
                + Wording.confidence(spec.alpha()) + " for the whole test).");
        long warnings = diagnostics.stream().filter(d -> d.severity() != Severity.INFO).count();
        if (warnings > 0) {
            sentences.add("See the " + warnings + " data warning" + (warnings > 1 ? "s" : "") + " below.");
        }
        return String.join(" ", sentences);
    }

    private static long units(SequentialResult.Look look) {
        return look.arms().stream().mapToLong(SequentialResult.Arm::n).sum();
    }
}
