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
 * @param variations  variation names; the first is the control. Control may appear again (only with
 *                    explicit ranges): that slot's units see control ({@link #reassigningToControl})
 * @param weights     traffic share of each variation, summing to 1
 * @param coverage    share of eligible units that take part, in [0, 1]
 * @param namespace   the experiment's slice of a namespace, or null for none
 * @param hashVersion 1 or 2 (see {@link GrowthBookHash})
 * @param seed        hash seed
 * @param condition   attribute targeting, or null for everyone
 * @param forced      QA overrides: unit id → variation name
 * @param ranges      explicit bucket range [start, end) of each variation, or null to derive them from
 *                    coverage and weights; GrowthBook's {@code ranges}, which the SDKs honour before
 *                    coverage and weights. Written by a demotion so that survivors keep their units: an
 *                    empty range [x, x) takes a variation out. Non-empty ranges must not overlap.
 */
public record ExperimentConfig(String key, List<String> variations, List<Double> weights, double coverage,
        NamespaceRange namespace, int hashVersion, String seed, Condition condition, Map<String, String> forced,
        List<List<Double>> ranges) {

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
            // control listed again serves control through that variation's range (a reassign: control revision)
            if (!seen.add(v) && !(v.equals(variations.get(0)) && ranges != null)) {
                throw new CeterisException(where + ": duplicate variation '" + v + "'" + (v.equals(variations.get(0))
                        ? " (control may be listed again only with explicit ranges, as a reassign: control revision writes)" : ""));
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
        ranges = ranges == null ? null : checkRanges(where, ranges, k);
    }

    /** An experiment whose variation ranges follow from coverage and weights. */
    public ExperimentConfig(String key, List<String> variations, List<Double> weights, double coverage,
            NamespaceRange namespace, int hashVersion, String seed, Condition condition, Map<String, String> forced) {
        this(key, variations, weights, coverage, namespace, hashVersion, seed, condition, forced, null);
    }

    private static List<List<Double>> checkRanges(String where, List<List<Double>> ranges, int k) {
        if (ranges.size() != k) {
            throw new CeterisException(where + ": " + ranges.size() + " ranges for " + k + " variations; give one [start, end] per variation");
        }
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<Double> r = ranges.get(i);
            if (r == null || r.size() != 2 || r.get(0) == null || r.get(1) == null
                    || !(r.get(0) >= 0 && r.get(0) <= r.get(1) && r.get(1) <= 1)) {
                throw new CeterisException(where + ": range " + r + " of variation " + i
                        + " must be [start, end] with 0 <= start <= end <= 1");
            }
            for (int j = 0; j < i; j++) {
                List<Double> o = out.get(j);
                if (r.get(0) < r.get(1) && o.get(0) < o.get(1) && r.get(0) < o.get(1) && o.get(0) < r.get(1)) {
                    throw new CeterisException(where + ": ranges " + o + " and " + r + " overlap; a bucket may belong to one variation only");
                }
            }
            out.add(List.of(r.get(0), r.get(1)));
        }
        return List.copyOf(out);
    }

    /**
     * The [start, end) range of each variation: the explicit {@code ranges} when given, else GrowthBook's
     * {@code getBucketRanges} of coverage and weights.
     */
    public double[][] bucketRanges() {
        if (ranges == null) {
            return BucketRanges.of(coverage, weights);
        }
        double[][] out = new double[ranges.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {ranges.get(i).get(0), ranges.get(i).get(1)};
        }
        return out;
    }

    /** True when the variation has units: a non-empty range. */
    public boolean isLive(int variation) {
        double[] r = bucketRanges()[variation];
        return r[0] < r[1];
    }

    /**
     * A revision that takes {@code removed} out: every other variation keeps its range exactly, so
     * each of its units keeps its variation; a removed variation gets the empty range [start, start).
     */
    public ExperimentConfig without(java.util.Collection<String> removed) {
        double[][] now = bucketRanges();
        List<List<Double>> next = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            boolean out = removed.contains(variations.get(i));
            next.add(List.of(now[i][0], out ? now[i][0] : now[i][1]));
        }
        return withRanges(next);
    }

    /**
     * A revision that gives {@code reassigned} arms' units to control: every variation keeps its range
     * exactly, and each reassigned variation's slot serves control (its name becomes control's), so its
     * units see control's experience while every other unit keeps its variation. Control itself cannot
     * be reassigned. The ranges become explicit (they are what keeps units in place).
     */
    public ExperimentConfig reassigningToControl(java.util.Collection<String> reassigned) {
        String control = variations.get(0);
        if (reassigned.contains(control)) {
            throw new CeterisException("experiment '" + key + "': control cannot be reassigned to itself");
        }
        double[][] now = bucketRanges();
        List<String> names = new ArrayList<>();
        List<List<Double>> next = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            names.add(reassigned.contains(variations.get(i)) ? control : variations.get(i));
            next.add(List.of(now[i][0], now[i][1]));
        }
        return new ExperimentConfig(key, names, weights, coverage, namespace, hashVersion, seed, condition, forced, next);
    }

    /**
     * A revision that ships {@code winner}: the winner keeps its range and takes every other bucket
     * of the experiment ([0, 1) ahead of the others, which become empty), so its units keep their
     * variation and everyone else moves to it.
     */
    public ExperimentConfig shipping(String winner) {
        int w = indexOf(winner);
        if (w < 0) {
            throw new CeterisException("experiment '" + key + "' has no variation '" + winner + "'");
        }
        List<List<Double>> next = new ArrayList<>();
        for (int i = 0; i < variations.size(); i++) {
            next.add(i == w ? List.of(0.0, 1.0) : List.of(0.0, 0.0));
        }
        return withRanges(next);
    }

    private ExperimentConfig withRanges(List<List<Double>> next) {
        return new ExperimentConfig(key, variations, weights, coverage, namespace, hashVersion, seed, condition, forced, next);
    }

    /** The index of a variation name, or −1. */
    public int indexOf(String variation) {
        return variations.indexOf(variation);
    }
}
