package org.ceteris.synth;

import java.util.List;
import java.util.Map;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * Several treated units, one synthetic-control fit each, and their effects set against unit traits:
 * where was the effect largest, and does it go with a trait (the "should we expand?" question).
 *
 * @param effects      one row per treated unit, largest effect first
 * @param associations per trait, the correlation across treated units between the trait and the effect (null with fewer than 3 units)
 * @param fits         the full fit of each treated unit, in the order given
 * @param traitModel   the meta-regression of effects on traits and the ranked candidate units
 *                     ({@code --predict-candidates}); null when not asked for
 */
public record HeterogeneityResult(
        String method,
        Object treatmentTime,
        List<String> traits,
        List<Effect> effects,
        Map<String, Double> associations,
        List<SynthResult> fits,
        List<Diagnostic> diagnostics,
        String summary,
        TraitModel traitModel) implements CeterisResult {

    public static final String METHOD = "synthetic_control_heterogeneity";

    public HeterogeneityResult {
        traits = List.copyOf(traits);
        effects = List.copyOf(effects);
        associations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(associations));
        fits = List.copyOf(fits);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * One treated unit's effect, fit quality, placebo rank (if run) and traits; {@code relativeAtt} is
     * the effect relative to its synthetic version ({@link SynthResult#relativeAtt()}), null when undefined.
     */
    public record Effect(String treated, double att, Double relativeAtt, double preRmspe, Double pValue, Map<String, Double> traits) {
        public Effect {
            traits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(traits));
        }
    }
}
