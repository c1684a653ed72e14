package org.ceteris.did;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.result.Severity;

/** The plain-language verdict of a difference-in-differences result. */
final class DidVerdict {

    private DidVerdict() {
    }

    static String write(DidSpec spec, String design, double est, double lo, double hi, double p,
                        DidResult.Pretrend pretrend, List<Diagnostic> diagnostics) {
        List<String> s = new ArrayList<>();
        String metric = Wording.humanize(spec.outcome());
        String what = DidResult.STAGGERED.equals(design) ? "Averaged over every group and period after the change"
                : DidResult.EVENT_STUDY.equals(design) ? "Averaged over the periods after the change" : "After the change";
        if (Double.isNaN(est) || Double.isNaN(lo)) {
            s.add("The data do not allow an estimate of the effect on " + metric + ".");
        } else if (p < spec.alpha()) {
            s.add(what + ", " + metric + " " + (est > 0 ? "rose" : "fell") + " by " + Wording.number(Math.abs(est))
                    + " more for the treated units than for the comparison units (" + Wording.confidence(spec.alpha())
                    + " interval " + Wording.number(lo) + " to " + Wording.number(hi)
                    + "); a difference this large would be unlikely by chance alone.");
        } else {
            s.add(what + ", the data cannot tell the change in " + metric + " apart from no effect: it is somewhere between "
                    + Wording.number(lo) + " and " + Wording.number(hi) + " (" + Wording.confidence(spec.alpha()) + " interval).");
        }
        if (pretrend != null && !Double.isNaN(pretrend.pValue())) {
            boolean untestable = diagnostics.stream().anyMatch(d -> d.code().equals(DiagnosticCode.DID_PRETREND_UNTESTABLE.name()));
            boolean drifting = diagnostics.stream().anyMatch(d -> d.code().equals(DiagnosticCode.DID_PRETREND.name()));
            s.add(untestable ? "There are too few units to check jointly whether the two sets of units moved alike before the change."
                    : drifting ? "Before the change the two sets of units were already drifting apart, so part of this difference may not be caused by the change."
                    : "Before the change the two sets of units moved alike, which supports the comparison.");
        }
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (warnings > 0) {
            s.add("See the " + warnings + " data warning" + (warnings > 1 ? "s" : "") + " below.");
        }
        return String.join(" ", s);
    }
}
