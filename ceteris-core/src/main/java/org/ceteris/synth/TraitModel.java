package org.ceteris.synth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which traits go with a larger effect, and what the effect would be in untreated cities: a
 * random-effects meta-regression ({@link org.ceteris.stats.MetaRegression}) of the treated cities'
 * effects on their traits, weighted by each city's placebo-based variance ({@link TraitModels}).
 * With fewer treated cities than traits + 2 nothing is fitted: {@code coefficients} and
 * {@code candidates} are empty and {@code fitted} is false; {@code sentence} says why.
 *
 * @param level             coverage of the intervals, 1 − alpha
 * @param effectVariances   per treated city, the sampling variance of its effect used as its weight's base
 * @param tau2              DerSimonian–Laird variance of true effects beyond the traits (null when not fitted)
 * @param tau2Prediction    the τ² used in prediction intervals (upper end of its 50% Q-profile interval)
 * @param df                residual degrees of freedom (treated cities − traits − 1)
 * @param coefficients      the intercept first, then one slope per trait, in the order of {@code traits}
 * @param candidates        untreated cities ranked by predicted effect, largest first
 * @param sentence          the plain-language reading
 */
public record TraitModel(
        List<String> traits,
        boolean fitted,
        double level,
        Map<String, Double> effectVariances,
        Double tau2,
        Double tau2Prediction,
        Integer df,
        List<Coefficient> coefficients,
        List<Candidate> candidates,
        String sentence) {

    public TraitModel {
        traits = List.copyOf(traits);
        effectVariances = Collections.unmodifiableMap(new LinkedHashMap<>(effectVariances));
        coefficients = List.copyOf(coefficients);
        candidates = List.copyOf(candidates);
    }

    /** One term of the meta-regression: effect per unit of the trait (or the intercept) with its interval. */
    public record Coefficient(String term, double estimate, double se, double low, double high, double pValue) {
    }

    /** An untreated city's predicted effect and its prediction interval (which includes τ²). */
    public record Candidate(int rank, String unit, Map<String, Double> traits, double predicted, double low, double high) {
        public Candidate {
            traits = Collections.unmodifiableMap(new LinkedHashMap<>(traits));
        }
    }
}
