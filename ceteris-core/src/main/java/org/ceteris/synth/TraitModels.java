package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.report.Wording;
import org.ceteris.stats.MetaRegression;

/**
 * Builds a {@link TraitModel} from the per-city synthetic-control fits of a multi-city study.
 * <p>
 * <b>Each city's variance.</b> A city's effect is the average post-period gap against its synthetic
 * twin; its sampling variance is read from the placebo distribution, scaled to the city's own pre-period
 * fit: vᵢ = MSPE_pre,i · Σⱼ attⱼ² / Σⱼ MSPE_pre,j over the placebo units j (each untreated unit refitted
 * as if treated, so its attⱼ is an effect estimate where the truth is 0). Cities whose past the donors
 * track closely get a small variance; a poorly matched city counts for less. The placebo units are the
 * same for every treated city (treated cities are never donors), so without the scaling every city would
 * get the same variance.
 * <p>
 * <b>The model.</b> {@link MetaRegression}: DerSimonian–Laird τ² (effects vary beyond the traits; the
 * sampling variance alone under-covers), Knapp–Hartung intervals for the slopes with the scale floored at
 * 1 ({@link MetaRegression.Fit#withScaleAtLeastOne}: treated cities share donors, so their errors are
 * shared and the residual scale alone understates them), prediction intervals for each candidate that
 * include τ². Nothing is fitted with fewer treated cities than traits + 2 (no residual
 * degree of freedom to judge the fit). Cost: O(k·p²) after the fits.
 */
public final class TraitModels {

    private TraitModels() {
    }

    public static TraitModel fit(SynthSpec spec, SynthPanel panel, List<SynthResult> fits, TraitExpansion expansion) {
        List<String> traits = spec.traits();
        List<String> candidates = candidates(spec, panel, expansion);
        List<SynthResult> sorted = new ArrayList<>(fits);
        sorted.sort(Comparator.comparing(SynthResult::treated));
        Map<String, Double> variances = new LinkedHashMap<>();
        for (SynthResult f : sorted) {
            variances.put(f.treated(), variance(f));
        }
        double level = 1 - spec.alpha();
        int k = sorted.size();
        int p = traits.size();
        if (k < p + 2) {
            return notFitted(spec, variances, level, "With " + k + " treated cities and " + p + " trait" + (p == 1 ? "" : "s")
                    + " there is too little to learn which traits make the effect larger: that needs at least " + (p + 2)
                    + " treated cities (traits + 2). Treat more cities, or ask about fewer traits.");
        }
        double[] y = new double[k];
        double[] v = new double[k];
        double[][] x = new double[k][p];
        for (int i = 0; i < k; i++) {
            SynthResult f = sorted.get(i);
            y[i] = f.att();
            v[i] = variances.get(f.treated());
            x[i] = traitRow(panel, traits, f.treated());
        }
        for (int i = 0; i < k; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                return notFitted(spec, variances, level, sorted.get(i).treated() + " matches its past exactly and its placebos"
                        + " carry no spread, so the uncertainty of its effect cannot be measured and the traits cannot be weighed.");
            }
        }
        MetaRegression.Fit plain = MetaRegression.fit(y, v, x);
        MetaRegression.Fit fit = plain == null ? null : plain.withScaleAtLeastOne();
        if (fit == null) {
            return notFitted(spec, variances, level, "The treated cities' traits do not vary independently (a trait is the same in"
                    + " every treated city, or one trait follows from the others), so their links with the effect cannot be told apart.");
        }
        List<TraitModel.Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j <= p; j++) {
            double[] ci = fit.interval(j, spec.alpha());
            coefficients.add(new TraitModel.Coefficient(j == 0 ? "intercept" : traits.get(j - 1), fit.beta()[j], fit.se(j), ci[0], ci[1],
                    fit.pValue(j)));
        }
        List<TraitModel.Candidate> ranked = new ArrayList<>();
        for (String c : candidates) {
            double[] x0 = traitRow(panel, traits, c);
            double[] pi = fit.predictionInterval(x0, spec.alpha());
            Map<String, Double> values = new LinkedHashMap<>();
            for (int j = 0; j < p; j++) {
                values.put(traits.get(j), x0[j]);
            }
            ranked.add(new TraitModel.Candidate(0, c, values, fit.predict(x0), pi[0], pi[1]));
        }
        ranked.sort(Comparator.comparingDouble((TraitModel.Candidate c) -> -c.predicted()).thenComparing(TraitModel.Candidate::unit));
        List<TraitModel.Candidate> out = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            TraitModel.Candidate c = ranked.get(r);
            out.add(new TraitModel.Candidate(r + 1, c.unit(), c.traits(), c.predicted(), c.low(), c.high()));
        }
        return new TraitModel(traits, true, level, variances, fit.tau2(), fit.tau2Pred(), fit.df(), coefficients, out,
                sentence(spec, coefficients, out, fit.tau2()));
    }

    /** vᵢ = MSPE_pre,i · Σⱼ attⱼ² / Σⱼ MSPE_pre,j over the city's placebos (see the class comment). */
    static double variance(SynthResult f) {
        if (f.placebos() == null || f.placebos().isEmpty()) {
            throw new CeterisException("--predict-candidates weighs each city by its placebo spread: add --placebos");
        }
        double att2 = 0;
        double pre = 0;
        for (SynthResult.Placebo pl : f.placebos()) {
            att2 += pl.att() * pl.att();
            pre += pl.preMspe();
        }
        double preI = f.preRmspe() * f.preRmspe();
        return pre > 0 ? preI * att2 / pre : att2 / f.placebos().size();
    }

    private static double[] traitRow(SynthPanel panel, List<String> traits, String unit) {
        int u = panel.unitIndex(unit);
        double[] row = new double[traits.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = panel.traits()[j][u];
        }
        return row;
    }

    static List<String> candidates(SynthSpec spec, SynthPanel panel, TraitExpansion expansion) {
        List<String> out = new ArrayList<>();
        if (expansion.candidates().isEmpty()) {
            for (String u : panel.units()) {
                if (!spec.treated().contains(u)) {
                    out.add(u);
                }
            }
        } else {
            for (String c : expansion.candidates()) {
                if (panel.unitIndex(c) < 0) {
                    throw new CeterisException("candidate '" + c + "' in --candidates is not a unit of column '" + spec.unit() + "'");
                }
                if (spec.treated().contains(c)) {
                    throw new CeterisException("candidate '" + c + "' in --candidates is already treated; candidates are untreated units");
                }
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            throw new CeterisException("no candidate cities: every unit is treated; --predict-candidates needs untreated units to rank");
        }
        return out;
    }

    private static TraitModel notFitted(SynthSpec spec, Map<String, Double> variances, double level, String sentence) {
        return new TraitModel(spec.traits(), false, level, variances, null, null, null, List.of(), List.of(), sentence);
    }

    static String sentence(SynthSpec spec, List<TraitModel.Coefficient> coefficients, List<TraitModel.Candidate> candidates, double tau2) {
        String outcome = Wording.humanize(spec.outcome());
        String conf = Wording.confidence(spec.alpha());
        StringBuilder s = new StringBuilder();
        for (TraitModel.Coefficient c : coefficients.subList(1, coefficients.size())) {
            String trait = Wording.humanize(c.term());
            String ci = " (" + conf + " interval " + signed(c.low()) + " to " + signed(c.high()) + ")";
            if (c.low() > 0 || c.high() < 0) {
                s.append("Cities with more ").append(trait).append(" gained ").append(c.estimate() > 0 ? "more" : "less").append(": ")
                        .append(signed(c.estimate())).append(' ').append(outcome).append(" per unit of ").append(trait).append(ci).append(". ");
            } else {
                s.append("Whether ").append(trait).append(" matters is not clear: ").append(signed(c.estimate())).append(' ')
                        .append(outcome).append(" per unit of ").append(trait).append(ci).append(". ");
            }
        }
        if (tau2 > 0) {
            s.append("Effects also differ by about ").append(Wording.number(Math.sqrt(tau2)))
                    .append(" between cities for reasons the traits do not capture, which the ranges below include. ");
        }
        s.append("Best next cities: ");
        List<String> best = new ArrayList<>();
        for (TraitModel.Candidate c : candidates.subList(0, Math.min(3, candidates.size()))) {
            best.add(c.unit() + " (" + signed(c.predicted()) + ", " + conf + " range " + signed(c.low()) + " to " + signed(c.high()) + ")");
        }
        s.append(String.join(", ", best)).append('.');
        TraitModel.Candidate top = candidates.get(0);
        if (top.low() <= 0 && top.predicted() > 0) {
            s.append(" Even in ").append(top.unit()).append(" the effect could be zero or negative: test it there before a full roll-out.");
        }
        return s.toString();
    }

    private static String signed(double x) {
        String n = Wording.number(x);
        return x > 0 ? "+" + n : n;
    }
}
