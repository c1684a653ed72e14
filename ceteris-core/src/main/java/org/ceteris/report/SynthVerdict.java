package org.ceteris.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.Severity;
import org.ceteris.synth.SynthResult;

/**
 * The plain-language verdict of a synthetic-control fit: which way and how far the treated unit moved
 * against its synthetic twin, which donors the twin is made of, how well it tracked before, how
 * unusual the gap is among placebo units, and what the diagnostics say.
 */
public final class SynthVerdict {

    private SynthVerdict() {
    }

    public static String write(SynthResult r, String outcome, double alpha, Double mspeFilter) {
        List<String> s = new ArrayList<>();
        String what = Wording.humanize(outcome);
        String direction = r.att() < 0 ? "lower" : "higher";
        Double relative = r.relativeAtt();
        s.add("From " + r.treatmentTime() + " on, " + r.treated() + "'s " + what + " was on average "
                + Wording.number(Math.abs(r.att())) + " " + direction + " per period than its synthetic version"
                + (relative != null ? " (" + Wording.signedPercent(relative) + ")" : "") + ", "
                + "a weighted mix of " + donors(r.weights()) + " that tracked it before treatment with a typical miss of "
                + Wording.number(r.preRmspe()) + ".");
        if (r.pValue() != null && r.placebos() != null) {
            double pre = r.preRmspe() * r.preRmspe();
            int n = 1 + (int) r.placebos().stream().filter(p -> mspeFilter == null || p.preMspe() <= mspeFilter * pre).count();
            long rank = Math.round(r.pValue() * n);
            boolean unusual = r.pValue() <= alpha;
            s.add("Treating each donor as if it had been treated, " + (rank <= 1 ? "no other unit" : (rank - 1) + " other unit(s)")
                    + " showed a jump this large relative to its own earlier fit, so there is " + Wording.chance(r.pValue())
                    + " of seeing a gap like this by luck; " + (unusual ? "the effect stands out from the placebos."
                            : "that is not unusual enough to rule out chance."));
        }
        if (r.intervals() != null && !r.intervals().isEmpty()) {
            SynthResult.Interval last = r.intervals().get(r.intervals().size() - 1);
            s.add("In " + last.time() + " the effect was plausibly between " + Wording.number(last.low()) + " and "
                    + Wording.number(last.high()) + " (" + Wording.confidence(alpha) + " range).");
        }
        long warnings = r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).count();
        if (warnings > 0) {
            s.add("Caution: " + r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).map(Diagnostic::message)
                    .findFirst().orElse("") + (warnings > 1 ? " (" + (warnings - 1) + " more warning(s) below.)" : ""));
        }
        return String.join(" ", s);
    }

    private static String donors(Map<String, Double> weights) {
        List<String> top = new ArrayList<>();
        int others = 0;
        for (var e : weights.entrySet()) {
            if (e.getValue() > 0.005 && top.size() < 5) {
                top.add(e.getKey() + " (" + Wording.percent(e.getValue()) + ")");
            } else if (Math.abs(e.getValue()) > 1e-6) {
                others++;
            }
        }
        String list = top.size() <= 1 ? String.join("", top)
                : String.join(", ", top.subList(0, top.size() - 1)) + (others > 0 ? ", " : " and ") + top.get(top.size() - 1);
        return others > 0 ? list + " and " + others + " other donor(s)" : list;
    }
}
