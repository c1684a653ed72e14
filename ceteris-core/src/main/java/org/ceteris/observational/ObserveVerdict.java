package org.ceteris.observational;

import java.util.List;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.Severity;

/** The plain-language paragraph of an observational result, for readers without statistics training. */
final class ObserveVerdict {

    private ObserveVerdict() {
    }

    static String summary(ObserveSpec spec, ObservationalData data, Estimate e, double lo, double hi, int n1, int n0,
                          List<BalanceRow> balance, List<Refutation> refutations, List<Diagnostic> diags) {
        String outcome = Wording.humanize(data.outcomeName());
        String treatment = Wording.humanize(data.treatmentName());
        StringBuilder sb = new StringBuilder();
        String size = Wording.number(Math.abs(e.estimate()));
        if (spec.estimand() == Estimand.ATT) {
            sb.append("For the treated units (").append(treatment).append(" = 1), ").append(outcome).append(" was ")
                    .append(e.estimate() == 0 ? "no different" : size + (e.estimate() > 0 ? " higher" : " lower"))
                    .append(" on average than among comparable untreated units");
        } else {
            sb.append("Across all units, treatment (").append(treatment).append(" = 1) ")
                    .append(e.estimate() == 0 ? "left " + outcome + " unchanged"
                            : (e.estimate() > 0 ? "raised " : "lowered ") + outcome + " by " + size)
                    .append(" on average");
        }
        sb.append(" (").append(Wording.confidence(spec.alpha())).append(" interval ").append(Wording.number(lo))
                .append(" to ").append(Wording.number(hi)).append(").");
        if (lo <= 0 && hi >= 0) {
            sb.append(" The data cannot rule out that the treatment made no difference.");
        }
        sb.append(' ').append(how(spec, e, n1, n0));
        long after = balance.stream().filter(b -> !Double.isNaN(b.smdAfter())).count();
        if (after > 0) {
            double worst = balance.stream().mapToDouble(b -> Math.abs(b.smdAfter())).filter(v -> !Double.isNaN(v))
                    .max().orElse(0);
            sb.append(worst <= BalanceTable.SMD_THRESHOLD
                    ? " After adjustment the two groups look alike on all " + balance.size() + " covariates."
                    : " After adjustment the groups still differ on some covariates, so the comparison is not yet like for like.");
        }
        if (!refutations.isEmpty()) {
            long failed = refutations.stream().filter(r -> !r.passed()).count();
            sb.append(failed == 0 ? " The estimate survived all " + refutations.size() + " attempts to refute it."
                    : " " + failed + " of " + refutations.size() + " attempts to refute it raised doubts.");
        }
        long warnings = diags.stream().filter(d -> d.severity() != Severity.INFO).count();
        if (warnings > 0) {
            sb.append(" Read the ").append(warnings).append(" warning").append(warnings > 1 ? "s" : "")
                    .append(" before acting on this.");
        }
        sb.append(" This holds only if the covariates capture everything that drives both treatment and outcome.");
        return sb.toString();
    }

    private static String count(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String how(ObserveSpec spec, Estimate e, int n1, int n0) {
        switch (spec.method()) {
            case MATCH:
                return "Each of " + count(n1 - e.unmatchedTreated()) + " treated units was matched to " + spec.ratio()
                        + " similar untreated unit" + (spec.ratio() > 1 ? "s" : "") + " (" + count(e.matchedControls())
                        + " distinct, out of " + count(n0) + ").";
            case IPW:
                return "Units were weighted by how likely they were to be treated (" + count(n1) + " treated, " + count(n0)
                        + " untreated).";
            case AIPW:
                return "Weighting by the chance of treatment was combined with a model of the outcome, which stays "
                        + "right if either part is right (" + count(n1) + " treated, " + count(n0) + " untreated).";
            default:
                return "A model of the outcome compared treated and untreated units with the same covariates ("
                        + count(n1) + " treated, " + count(n0) + " untreated).";
        }
    }
}
