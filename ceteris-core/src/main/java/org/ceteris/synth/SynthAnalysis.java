package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.report.SynthVerdict;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;

/**
 * Synthetic control for one treated unit, end to end: checks the panel against the spec, fits the
 * weights ({@link SyntheticControl}, augmented by {@link AugmentedRidge} on request), builds the gap
 * path and predictor balance, runs placebo inference ({@link PlaceboInference}) and conformal
 * intervals ({@link ConformalIntervals}) on request, and writes diagnostics and the verdict. Pure;
 * placebo fits run through the caller's {@link Parallel}. Cost: (1 + J placebos + leave-one-out
 * refits) nested fits.
 */
public final class SynthAnalysis {

    /** Fewest pre-treatment periods accepted. */
    public static final int MIN_PRE_PERIODS = 3;

    private SynthAnalysis() {
    }

    public static SynthResult analyze(SynthSpec spec, SynthPanel panel, String treatedName, Parallel parallel) {
        double[] times = panel.times();
        int treated = panel.unitIndex(treatedName);
        if (treated < 0) {
            throw new CeterisException("treated unit '" + treatedName + "' is not in column '" + spec.unit() + "'; units include "
                    + String.join(", ", panel.units().subList(0, Math.min(10, panel.units().size())))
                    + (panel.units().size() > 10 ? ", …" : ""));
        }
        int t0 = 0;
        while (t0 < times.length && times[t0] < spec.treatmentTime()) {
            t0++;
        }
        if (times.length == 0 || spec.treatmentTime() <= times[0] || spec.treatmentTime() > times[times.length - 1]) {
            throw new CeterisException("treatment time " + spec.timeScale().text(spec.treatmentTime()) + " is outside the data ("
                    + spec.timeScale().text(times[0]) + " to " + spec.timeScale().text(times[times.length - 1])
                    + "); it must leave periods before and after it");
        }
        if (spec.timeScale() == org.ceteris.TimeScale.DATE && times[t0] != spec.treatmentTime()) {
            throw new CeterisException("--treatment-time " + spec.timeScale().text(spec.treatmentTime()) + " is not among the dates of '"
                    + spec.time() + "' (the nearest later one is " + spec.timeScale().text(times[t0]) + "); give the first treated date of the panel");
        }
        if (t0 < MIN_PRE_PERIODS) {
            throw new CeterisException("only " + t0 + " period(s) before treatment time " + spec.timeScale().text(spec.treatmentTime())
                    + "; synthetic control needs at least " + MIN_PRE_PERIODS + " pre-treatment periods");
        }
        int[] donors = donors(spec, panel, treatedName);
        int[] fit = fitWindow(spec, times, t0);
        checkPredictors(spec, panel, treated, donors);

        SynthFitter fitter = new SynthFitter(panel, spec, t0, fit);
        SynthFitter.Fitted main = fitter.fit(treated, donors, spec.seed());
        double[][] y = panel.outcome();
        List<Diagnostic> diagnostics = new ArrayList<>();

        List<SynthResult.Gap> gaps = new ArrayList<>();
        for (int t = 0; t < times.length; t++) {
            gaps.add(new SynthResult.Gap(spec.timeScale().label(times[t]), y[treated][t], main.synthetic()[t], y[treated][t] - main.synthetic()[t]));
        }
        double att = main.att(y, t0);
        double preRmspe = Math.sqrt(main.preMspe());
        double postRmspe = Math.sqrt(main.postMspe());

        List<SynthResult.Placebo> placebos = null;
        Double p = null;
        List<SynthResult.LeaveOneOut> loo = null;
        SynthResult.InTimePlacebo inTime = null;
        if (spec.placebos()) {
            placebos = PlaceboInference.inSpace(fitter, panel.units(), donors, spec.seed(), parallel);
            double ratio = PlaceboInference.ratio(main.postMspe(), main.preMspe());
            p = PlaceboInference.pValue(ratio, main.preMspe(), placebos, spec.mspeFilter());
            loo = PlaceboInference.leaveOneOut(fitter, panel.units(), main, y, spec.seed(), parallel);
            inTime = PlaceboInference.inTime(y, times, treated, donors, t0, spec.timeScale());
            placeboDiagnostics(spec, main, placebos, p, loo, inTime, att, diagnostics);
        }
        List<SynthResult.Interval> intervals = null;
        if (spec.conformal()) {
            double[][] ci = ConformalIntervals.compute(y, treated, donors, t0, spec.alpha());
            intervals = new ArrayList<>();
            for (int t = t0; t < times.length; t++) {
                intervals.add(new SynthResult.Interval(spec.timeScale().label(times[t]), ci[t - t0][0], ci[t - t0][1]));
            }
        }
        List<SynthResult.Balance> balance = balance(spec, panel, main, fit);
        fitDiagnostics(spec, panel, main, t0, preRmspe, balance, diagnostics);

        Map<String, Double> weights = weights(panel, main, spec.estimator() == SynthSpec.Estimator.CLASSIC);
        Map<String, Double> vWeights = new LinkedHashMap<>();
        List<String> labels = predictorLabels(spec, times, fit);
        for (int i = 0; i < labels.size(); i++) {
            vWeights.put(labels.get(i), main.v()[i]);
        }
        double fitLoss = main.search().loss();
        Double predictorLoss = spec.predictors().isEmpty() || !Double.isFinite(main.search().predictorLoss()) ? null
                : main.search().predictorLoss();
        String estimator = spec.estimator().name().toLowerCase(java.util.Locale.ROOT);
        Object label = spec.timeScale().label(spec.treatmentTime());
        Double relative = SynthResult.relative(gaps, label);
        SynthResult draft = new SynthResult(SynthResult.METHOD, treatedName, label, weights,
                vWeights, balance, preRmspe, postRmspe, att, relative, fitLoss, predictorLoss, main.search().search(), gaps, placebos, p, intervals, estimator, loo, inTime, diagnostics, "");
        return new SynthResult(draft.method(), draft.treated(), draft.treatmentTime(), weights, vWeights, balance, preRmspe,
                postRmspe, att, relative, fitLoss, predictorLoss, main.search().search(), gaps, placebos, p, intervals, estimator, loo, inTime, diagnostics,
                SynthVerdict.write(draft, spec.outcome(), spec.alpha(), spec.mspeFilter()));
    }

    static int[] donors(SynthSpec spec, SynthPanel panel, String treatedName) {
        List<String> units = panel.units();
        for (String name : spec.donors()) {
            if (!units.contains(name)) {
                throw new CeterisException("donor '" + name + "' in --donors is not a unit of column '" + spec.unit() + "'");
            }
        }
        for (String name : spec.exclude()) {
            if (!units.contains(name)) {
                throw new CeterisException("'" + name + "' in --exclude is not a unit of column '" + spec.unit() + "'");
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            String name = units.get(u);
            boolean chosen = spec.donors().isEmpty() ? !spec.exclude().contains(name) : spec.donors().contains(name);
            if (chosen && !spec.treated().contains(name) && !name.equals(treatedName)) {
                out.add(u);
            }
        }
        if (out.size() < 2) {
            throw new CeterisException("the donor pool has " + out.size() + " unit(s); synthetic control needs at least 2 untreated donors");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] fitWindow(SynthSpec spec, double[] times, int t0) {
        List<Integer> idx = new ArrayList<>();
        for (int t = 0; t < t0; t++) {
            if ((spec.fitFrom() == null || times[t] >= spec.fitFrom()) && (spec.fitTo() == null || times[t] <= spec.fitTo())) {
                idx.add(t);
            }
        }
        if (idx.isEmpty()) {
            throw new CeterisException("--fit-window contains no pre-treatment period of the data");
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkPredictors(SynthSpec spec, SynthPanel panel, int treated, int[] donors) {
        checkPredictors(spec.predictors(), panel.predictors(), panel, treated, donors);
        if (spec.training() != null) {
            checkPredictors(spec.training().predictors(), panel.training(), panel, treated, donors);
            boolean any = false;
            for (double t : panel.times()) {
                any |= t >= spec.training().fitFrom() && t <= spec.training().fitTo();
            }
            if (!any) {
                throw new CeterisException("--train-fit-window contains no period of the data");
            }
        }
    }

    private static void checkPredictors(List<PredictorSpec> specs, double[][] p, SynthPanel panel, int treated, int[] donors) {
        for (int i = 0; i < specs.size(); i++) {
            String label = specs.get(i).label();
            double first = p[i][treated];
            boolean constant = true;
            for (int u : concat(treated, donors)) {
                if (!Double.isFinite(p[i][u])) {
                    throw new CeterisException("predictor '" + label + "' has no value for unit '" + panel.units().get(u)
                            + "' in its window; choose another window or drop that unit with --exclude");
                }
                constant &= p[i][u] == first;
            }
            if (constant) {
                throw new CeterisException("predictor '" + label + "' is the same (" + first
                        + ") for every unit, so it cannot tell units apart; drop it");
            }
        }
    }

    private static int[] concat(int first, int[] rest) {
        int[] all = new int[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static List<String> predictorLabels(SynthSpec spec, double[] times, int[] fit) {
        List<String> labels = new ArrayList<>();
        if (spec.predictors().isEmpty()) {
            for (int t : fit) {
                labels.add(spec.outcome() + "@" + spec.timeScale().text(times[t]));
            }
        } else {
            spec.predictors().forEach(pr -> labels.add(pr.label()));
        }
        return labels;
    }

    private static List<SynthResult.Balance> balance(SynthSpec spec, SynthPanel panel, SynthFitter.Fitted f, int[] fit) {
        List<SynthResult.Balance> out = new ArrayList<>();
        double[][] rows;
        List<String> labels = predictorLabels(spec, panel.times(), fit);
        if (spec.predictors().isEmpty()) {
            rows = new double[fit.length][];
            for (int i = 0; i < fit.length; i++) {
                rows[i] = new double[panel.units().size()];
                for (int u = 0; u < rows[i].length; u++) {
                    rows[i][u] = panel.outcome()[u][fit[i]];
                }
            }
        } else {
            rows = panel.predictors();
        }
        for (int i = 0; i < rows.length; i++) {
            double synth = 0;
            double mean = 0;
            for (int j = 0; j < f.donors().length; j++) {
                synth += f.w()[j] * rows[i][f.donors()[j]];
                mean += rows[i][f.donors()[j]];
            }
            out.add(new SynthResult.Balance(labels.get(i), rows[i][f.treated()], synth, mean / f.donors().length));
        }
        return out;
    }

    private static Map<String, Double> weights(SynthPanel panel, SynthFitter.Fitted f, boolean classic) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < f.donors().length; j++) {
            order.add(j);
        }
        order.sort(Comparator.<Integer>comparingDouble(j -> -f.w()[j]).thenComparing(j -> panel.units().get(f.donors()[j])));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j : order) {
            double w = f.w()[j];
            out.put(panel.units().get(f.donors()[j]), classic && w < 1e-6 ? 0.0 : (Math.abs(w) < 1e-12 ? 0.0 : w));
        }
        return out;
    }

    private static void fitDiagnostics(SynthSpec spec, SynthPanel panel, SynthFitter.Fitted f, int t0, double preRmspe,
            List<SynthResult.Balance> balance, List<Diagnostic> diagnostics) {
        double[] y = panel.outcome()[f.treated()];
        double mean = 0;
        for (int t = 0; t < t0; t++) {
            mean += y[t];
        }
        mean /= t0;
        double ss = 0;
        for (int t = 0; t < t0; t++) {
            ss += (y[t] - mean) * (y[t] - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, t0 - 1));
        if (preRmspe > 0.5 * sd && preRmspe > 0.02 * Math.abs(mean)) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_POOR_PRE_FIT, String.format(java.util.Locale.ROOT,
                    "Before treatment the synthetic unit misses the treated one by %s on average (root mean square), "
                            + "large next to the outcome's own variation (%s): the gap after treatment may reflect a poor match.",
                    org.ceteris.report.Wording.number(preRmspe), org.ceteris.report.Wording.number(sd))));
        }
        List<String> outside = new ArrayList<>();
        double[][] rows = spec.predictors().isEmpty() ? null : panel.predictors();
        for (int i = 0; rows != null && i < rows.length; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int d : f.donors()) {
                lo = Math.min(lo, rows[i][d]);
                hi = Math.max(hi, rows[i][d]);
            }
            double x = rows[i][f.treated()];
            if (x < lo || x > hi) {
                outside.add(balance.get(i).predictor());
            }
        }
        if (!outside.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_OUTSIDE_DONOR_RANGE, "The treated unit's "
                    + String.join(", ", outside) + " lies outside every donor's value, so no mix of donors can match it."));
        }
        if (spec.estimator() == SynthSpec.Estimator.AUGMENTED) {
            long negative = java.util.Arrays.stream(f.w()).filter(w -> w < -1e-6).count();
            if (negative > 0) {
                diagnostics.add(Diagnostic.info(DiagnosticCode.SYNTH_NEGATIVE_WEIGHTS, negative
                        + " donor(s) have negative augmented weights: the ridge correction extrapolates beyond the donors."));
            }
        }
    }

    private static void placeboDiagnostics(SynthSpec spec, SynthFitter.Fitted main, List<SynthResult.Placebo> placebos, double p,
            List<SynthResult.LeaveOneOut> loo, SynthResult.InTimePlacebo inTime, double att, List<Diagnostic> diagnostics) {
        int kept = placebos.size();
        if (spec.mspeFilter() != null) {
            kept = (int) placebos.stream().filter(x -> x.preMspe() <= spec.mspeFilter() * main.preMspe()).count();
            diagnostics.add(Diagnostic.info(DiagnosticCode.SYNTH_PLACEBOS_FILTERED, (placebos.size() - kept) + " of "
                    + placebos.size() + " placebo units fitted their own past more than " + PredictorSpec.fmt(spec.mspeFilter())
                    + " times worse than the treated unit and were left out of the comparison."));
        }
        if (kept + 1 < 10) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_FEW_PLACEBOS, "Only " + kept
                    + " placebo units are compared, so even the most unusual gap has a " + org.ceteris.report.Wording.percent(1.0 / (kept + 1))
                    + " chance rank: the comparison cannot be conclusive."));
        }
        for (SynthResult.LeaveOneOut l : loo) {
            if (Math.signum(l.att()) != Math.signum(att) || Math.abs(l.att() - att) > 0.5 * Math.abs(att)) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_LEAVE_ONE_OUT_UNSTABLE, "Without " + l.dropped()
                        + " the estimated effect becomes " + org.ceteris.report.Wording.number(l.att()) + " instead of "
                        + org.ceteris.report.Wording.number(att) + ": the result leans on that one donor."));
                break;
            }
        }
        if (inTime != null && Math.abs(inTime.att()) > 0.5 * Math.abs(att)) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTH_IN_TIME_PLACEBO_GAP, "Pretending treatment started in "
                    + inTime.time() + " already gives a gap of " + org.ceteris.report.Wording.number(inTime.att())
                    + " before anything happened: part of the effect may be a trend the donors do not share."));
        }
    }
}
