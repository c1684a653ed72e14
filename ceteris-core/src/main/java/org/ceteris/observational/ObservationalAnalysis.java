package org.ceteris.observational;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.Distributions;

/**
 * {@code ceteris observe} as a pure function: propensity model, optional trimming, the chosen
 * estimator, balance, overlap, refutations and diagnostics, and the verdict. Intervals and p-values
 * use the normal approximation. Cost: one analysis (O(n log n) for matching, O(n·p²) otherwise)
 * plus 20 more per requested refuter.
 */
public final class ObservationalAnalysis {

    /** A unit holding more than this share of its group's weight is flagged. */
    static final double WEIGHT_SHARE = 0.1;

    private ObservationalAnalysis() {
    }

    /**
     * @param excludedRows rows the engine dropped for missing values (reported as a diagnostic)
     */
    public static ObserveResult analyze(ObserveSpec spec, ObservationalData data, long excludedRows) {
        Pipeline.Run run = Pipeline.run(spec, data);
        Estimate e = run.estimate();
        List<Diagnostic> diags = new ArrayList<>();
        if (excludedRows > 0) {
            diags.add(Diagnostic.warning(DiagnosticCode.MISSING_VALUES, excludedRows
                    + " row(s) with a missing treatment, outcome or covariate were left out"));
        }
        if (!run.design().dropped().isEmpty()) {
            diags.add(Diagnostic.warning(DiagnosticCode.CONSTANT_COVARIATE, "left out because they take a single value: "
                    + String.join(", ", run.design().dropped())));
        }
        PropensityFit ps = run.propensity();
        if (ps.separated()) {
            diags.add(Diagnostic.warning(DiagnosticCode.PROPENSITY_SEPARATION, ps.perfectlyPredicted()
                    + " unit(s) have their treatment predicted with certainty by the covariates (quasi-complete "
                    + "separation); the propensity model has no finite fit, its coefficients are not meaningful and "
                    + "those units have no counterparts in the other group"));
        } else if (!ps.model().converged()) {
            diags.add(Diagnostic.warning(DiagnosticCode.PROPENSITY_NOT_CONVERGED, "the propensity model did not converge in "
                    + ps.model().iterations() + " iterations"));
        }
        int trimmed = data.size() - run.kept().length;
        Overlap overlap = Overlap.of(data.treated(), ps.scores(), trimmed);
        overlapDiagnostics(spec, data, ps.scores(), overlap, diags);
        if (trimmed > 0) {
            diags.add(Diagnostic.info(DiagnosticCode.TRIMMED, trimmed + " unit(s) with a propensity score outside ["
                    + spec.trim() + ", " + (1 - spec.trim()) + "] were left out; the estimate describes the remaining units"));
        }
        if (e.unmatchedTreated() > 0) {
            diags.add(Diagnostic.warning(DiagnosticCode.UNMATCHED_TREATED, e.unmatchedTreated()
                    + " treated unit(s) found no untreated unit within the caliper and were left out; the estimate "
                    + "describes the matched treated units only"));
        }
        if (e.weights() != null && spec.method() != Method.MATCH) {
            weightDiagnostics(run.treated(), e.weights(), diags);
        }
        List<BalanceRow> balance = BalanceTable.of(run.design(), data.treated(), run.x(), run.treated(), e.weights(),
                spec.estimand());
        List<String> imbalanced = balance.stream()
                .filter(b -> Math.abs(b.smdAfter()) > BalanceTable.SMD_THRESHOLD).map(BalanceRow::covariate).toList();
        if (!imbalanced.isEmpty()) {
            diags.add(Diagnostic.warning(DiagnosticCode.IMBALANCE, "after adjustment these covariates still differ between "
                    + "the groups by more than 0.1 standard deviations: " + String.join(", ", imbalanced)));
        }
        List<Refutation> refutations = Refuters.run(spec, data, e.estimate(), e.se());
        for (Refutation r : refutations) {
            if (!r.passed()) {
                diags.add(Diagnostic.warning(DiagnosticCode.REFUTATION_FAILED, refutationMessage(r)));
            }
        }
        double z = Distributions.normalQuantile(1 - spec.alpha() / 2);
        double lo = e.estimate() - z * e.se();
        double hi = e.estimate() + z * e.se();
        double p = e.se() > 0 ? Distributions.normalTwoSidedP(e.estimate() / e.se()) : Double.NaN;
        int n1 = 0;
        for (boolean t : run.treated()) {
            n1 += t ? 1 : 0;
        }
        int n0 = run.treated().length - n1;
        Integer matched = spec.method() == Method.MATCH ? e.matchedControls() : null;
        String summary = ObserveVerdict.summary(spec, data, e, lo, hi, n1, n0, balance, refutations, diags);
        return new ObserveResult(ObserveResult.METHOD, spec.method().label(), spec.estimand().label(), e.estimate(),
                e.se(), lo, hi, p, n1, n0, matched, ps.model(), balance, overlap, refutations, diags, summary);
    }

    private static void overlapDiagnostics(ObserveSpec spec, ObservationalData data, double[] score, Overlap o,
                                           List<Diagnostic> diags) {
        if (o.disjoint()) {
            diags.add(Diagnostic.error(DiagnosticCode.NO_OVERLAP, String.format(Locale.ROOT,
                    "propensity scores do not overlap (treated %.3g to %.3g, untreated %.3g to %.3g): the groups are "
                            + "not comparable and any estimate is an extrapolation",
                    o.treatedMin(), o.treatedMax(), o.controlMin(), o.controlMax())));
            return;
        }
        int treatedOutside = 0;
        int controlOutside = 0;
        for (int i = 0; i < score.length; i++) {
            if (data.treated()[i] && (score[i] < o.controlMin() || score[i] > o.controlMax())) {
                treatedOutside++;
            } else if (!data.treated()[i] && (score[i] < o.treatedMin() || score[i] > o.treatedMax())) {
                controlOutside++;
            }
        }
        boolean att = spec.estimand() == Estimand.ATT;
        if (treatedOutside > 0 || (!att && controlOutside > 0)) {
            diags.add(Diagnostic.warning(DiagnosticCode.LIMITED_OVERLAP, treatedOutside + " treated unit(s)"
                    + (att ? "" : " and " + controlOutside + " untreated unit(s)")
                    + " have propensity scores outside the other group's range; their comparisons rest on extrapolation"
                    + (spec.trim() == 0 ? " (consider --trim 0.05)" : "")));
        }
    }

    private static void weightDiagnostics(boolean[] treated, double[] w, List<Diagnostic> diags) {
        for (int g = 0; g < 2; g++) {
            boolean group = g == 0;
            double sum = 0;
            double max = 0;
            int count = 0;
            for (int i = 0; i < w.length; i++) {
                if (treated[i] == group) {
                    sum += w[i];
                    max = Math.max(max, w[i]);
                    count++;
                }
            }
            if (count >= 20 && max / sum > WEIGHT_SHARE) {
                diags.add(Diagnostic.warning(DiagnosticCode.EXTREME_WEIGHTS, "one " + (group ? "treated" : "untreated")
                        + " unit carries " + Wording.percent(max / sum) + " of its group's weight; the estimate leans on "
                        + "very few units (consider --trim or --method aipw)"));
            }
        }
    }

    static String refutationMessage(Refutation r) {
        switch (r.name()) {
            case "placebo":
                return "placebo: the estimate does not stand out from effects of a randomly shuffled treatment "
                        + "(placebo mean " + Wording.number(r.estimate()) + ")";
            case "random-cause":
                return "random-cause: adding an unrelated random covariate moved the estimate to "
                        + Wording.number(r.estimate());
            case "subset":
                return "subset: estimates on random 80% subsets differ from the full estimate (mean "
                        + Wording.number(r.estimate()) + ")";
            default:
                return "bootstrap: resampled estimates are centred away from the estimate (mean "
                        + Wording.number(r.estimate()) + ")";
        }
    }
}
