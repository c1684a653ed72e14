package org.ceteris.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;

/**
 * Synthetic control for several treated units (Abadie 2021, JEL §7 on multiple treated units): one
 * fit per treated unit with the never-treated units as donors, then a table of effects against unit
 * traits and the Pearson correlation of effect and trait across treated units. Cost: one
 * {@link SynthAnalysis} per treated unit.
 */
public final class SynthHeterogeneity {

    private SynthHeterogeneity() {
    }

    public static HeterogeneityResult analyze(SynthSpec spec, SynthPanel panel, Parallel parallel) {
        return analyze(spec, panel, null, parallel);
    }

    /**
     * With {@code expansion} (not null) also the meta-regression of the effects on the traits and the
     * ranked candidates ({@link TraitModels}); it needs traits and placebos.
     */
    public static HeterogeneityResult analyze(SynthSpec spec, SynthPanel panel, TraitExpansion expansion, Parallel parallel) {
        if (expansion != null && spec.traits().isEmpty()) {
            throw new CeterisException("--predict-candidates models the effect on unit traits: name them with --traits COL,…");
        }
        if (expansion != null && !spec.placebos()) {
            throw new CeterisException("--predict-candidates weighs each city by its placebo spread: add --placebos");
        }
        List<SynthResult> fits = new ArrayList<>();
        for (String t : spec.treated()) {
            fits.add(SynthAnalysis.analyze(spec, panel, t, parallel));
        }
        List<HeterogeneityResult.Effect> effects = new ArrayList<>();
        for (SynthResult f : fits) {
            Map<String, Double> traits = new LinkedHashMap<>();
            int u = panel.unitIndex(f.treated());
            for (int c = 0; c < spec.traits().size(); c++) {
                traits.put(spec.traits().get(c), panel.traits()[c][u]);
            }
            effects.add(new HeterogeneityResult.Effect(f.treated(), f.att(), f.relativeAtt(), f.preRmspe(), f.pValue(), traits));
        }
        Map<String, Double> associations = new LinkedHashMap<>();
        for (String trait : spec.traits()) {
            associations.put(trait, effects.size() < 3 ? null : correlation(effects, trait));
        }
        effects.sort(Comparator.comparingDouble((HeterogeneityResult.Effect e) -> -e.att()).thenComparing(HeterogeneityResult.Effect::treated));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (SynthResult f : fits) {
            for (Diagnostic d : f.diagnostics()) {
                diagnostics.add(new Diagnostic(d.code(), d.severity(), f.treated() + ": " + d.message()));
            }
        }
        if (effects.size() < 3 && !spec.traits().isEmpty()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.SMALL_SAMPLE,
                    "With fewer than 3 treated units no link between traits and effects can be measured."));
        }
        TraitModel model = expansion == null ? null : TraitModels.fit(spec, panel, fits, expansion);
        String summary = summary(spec, effects, associations);
        return new HeterogeneityResult(HeterogeneityResult.METHOD, spec.timeScale().label(spec.treatmentTime()), spec.traits(), effects,
                associations, fits, diagnostics, model == null ? summary : summary + " " + model.sentence(), model);
    }

    static Double correlation(List<HeterogeneityResult.Effect> effects, String trait) {
        int n = effects.size();
        double mx = 0;
        double my = 0;
        for (HeterogeneityResult.Effect e : effects) {
            mx += e.traits().get(trait) / n;
            my += e.att() / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (HeterogeneityResult.Effect e : effects) {
            double dx = e.traits().get(trait) - mx;
            double dy = e.att() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
    }

    /** ", +12.5%": the effect relative to the unit's synthetic version, or nothing when that is undefined. */
    private static String percent(HeterogeneityResult.Effect e) {
        Double r = e.relativeAtt();
        return r == null ? "" : ", " + Wording.signedPercent(r);
    }

    private static String summary(SynthSpec spec, List<HeterogeneityResult.Effect> effects, Map<String, Double> associations) {
        HeterogeneityResult.Effect top = effects.get(0);
        HeterogeneityResult.Effect bottom = effects.get(effects.size() - 1);
        StringBuilder s = new StringBuilder("Across " + effects.size() + " treated units, the change in "
                + Wording.humanize(spec.outcome()) + " against each unit's synthetic version ranged from "
                + Wording.number(bottom.att()) + " (" + bottom.treated() + percent(bottom) + ") to " + Wording.number(top.att()) + " ("
                + top.treated() + percent(top) + ") per period.");
        for (var e : associations.entrySet()) {
            Double r = e.getValue();
            if (r == null) {
                continue;
            }
            if (Math.abs(r) < 0.4) {
                s.append(" The change showed little link with ").append(Wording.humanize(e.getKey()))
                        .append(" (correlation ").append(Wording.number(r)).append(").");
            } else {
                s.append(" Units with higher ").append(Wording.humanize(e.getKey())).append(" tended to see a ")
                        .append(r > 0 ? "higher" : "lower").append(" change (correlation ").append(Wording.number(r)).append(").");
            }
        }
        if (effects.size() < 8) {
            s.append(" With only ").append(effects.size()).append(" units, treat any pattern as a lead to test, not a finding.");
        }
        return s.toString();
    }
}
