package org.ceteris.synth;

import java.util.List;

/**
 * The "where next?" request of a multi-city synthetic control ({@code --predict-candidates}): model the
 * treated cities' effects on their traits and predict the effect in untreated cities.
 *
 * @param candidates the untreated cities to predict for; empty means every untreated unit
 */
public record TraitExpansion(List<String> candidates) {

    public TraitExpansion {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
