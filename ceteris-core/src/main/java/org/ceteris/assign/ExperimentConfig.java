package org.ceteris.assign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * One experiment of an assignment config, with the fields and defaults of a GrowthBook
 * experiment: equal weights when none are given, coverage 1, seed = key, hash version 1 (the
 * SDKs' default; GrowthBook's app writes 2 for new experiments). Validated so that every mistake is
 * a one-line error: weights must sum to 1 (GrowthBook silently falls back to equal weights).
 *
 * @param key         experiment key, unique in a config
 * @param variations  variation names; the first is the control
 * @param weights     traffic share of each variation, summing to 1
 * @param coverage    share of eligible units that take part, in [0, 1]
 * @param namespace   the experiment's slice of a namespace, or null for none
 * @param hashVersion 1 or 2 (see {@link GrowthBookHash})
 * @param seed        hash seed
 * @param condition   attribute targeting, or null for everyone
 * @param forced      QA overrides: unit id → variation name
 */
public record ExperimentConfig(String key, List<String> variations, List<Double> weights, double coverage,
        NamespaceRange namespace, int hashVersion, String seed, Condition condition, Map<String, String> forced) {

    /** Tolerance on the sum of the weights. */
    public static final double WEIGHT_TOLERANCE = 1e-6;

    public ExperimentConfig {
        if (key == null || key.isBlank()) {
            throw new CeterisException("every experiment needs a non-empty key");
        }
        String where = "experiment '" + key + "'";
        if (variations == null || variations.size() < 2) {
            throw new CeterisException(where + ": give at least two variations");
        }
        Set<String> seen = new HashSet<>();
        for (String v : variations) {
            if (v == null || v.isBlank()) {
                throw new CeterisException(where + ": variation names must not be empty");
            }
            if (!seen.add(v)) {
                throw new CeterisException(where + ": duplicate variation '" + v + "'");
            }
        }
        variations = List.copyOf(variations);
        int k = variations.size();
        if (weights == null || weights.isEmpty()) {
            List<Double> equal = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                equal.add(1.0 / k);
            }
            weights = equal;
        }
        if (weights.size() != k) {
            throw new CeterisException(where + ": " + weights.size() + " weights for " + k + " variations");
        }
        double sum = 0;
        for (Double w : weights) {
            if (w == null || !(w >= 0) || Double.isInfinite(w)) {
                throw new CeterisException(where + ": weights must be numbers >= 0, got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new CeterisException(where + ": weights sum to " + sum + ", not 1");
        }
        weights = List.copyOf(weights);
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new CeterisException(where + ": coverage must be between 0 and 1, got " + coverage);
        }
        if (hashVersion != 1 && hashVersion != 2) {
            throw new CeterisException(where + ": hash_version must be 1 or 2, got " + hashVersion);
        }
        if (seed == null || seed.isEmpty()) {
            seed = key;
        }
        Map<String, String> f = new LinkedHashMap<>();
        if (forced != null) {
            for (Map.Entry<String, String> e : forced.entrySet()) {
                if (!variations.contains(e.getValue())) {
                    throw new CeterisException(where + ": forced variation '" + e.getValue() + "' for unit '"
                            + e.getKey() + "' is not one of " + variations);
                }
                f.put(e.getKey(), e.getValue());
            }
        }
        forced = Collections.unmodifiableMap(f);
    }

    /** The index of a variation name, or −1. */
    public int indexOf(String variation) {
        return variations.indexOf(variation);
    }
}
