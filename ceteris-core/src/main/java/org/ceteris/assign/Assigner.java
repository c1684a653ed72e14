package org.ceteris.assign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * Deterministic layered assignment, step for step as the GrowthBook SDKs' {@code runExperiment}
 * for the features a config can express: (1) a forced variation (QA) wins; (2) a unit outside its
 * namespace slice is out; (3) a unit failing the condition is out; (4) the experiment hash picks a
 * variation from the coverage-scaled ranges, or none. Layers follow Tang et al. (KDD 2010):
 * experiments of one namespace are mutually exclusive, experiments of different namespaces (or of
 * none) overlap independently, because their hashes use different seeds.
 *
 * <p>Immutable and thread-safe. Cost per unit and experiment: O(|unit id| + |seed|), no allocation
 * in {@link #assignInto}; the FNV state of each seed and namespace is prepared once.
 */
public final class Assigner {

    private final AssignConfig config;
    private final ExperimentConfig[] experiments;
    private final double[][][] ranges;
    private final int[] seedState; // v2: FNV state after the seed
    private final String[] nsSeed; // "__" + namespace, or null
    private final boolean anyCondition;
    private final boolean anyForced;

    public Assigner(AssignConfig config) {
        this.config = config;
        this.experiments = config.experiments().toArray(new ExperimentConfig[0]);
        int k = experiments.length;
        this.ranges = new double[k][][];
        this.seedState = new int[k];
        this.nsSeed = new String[k];
        boolean cond = false;
        boolean forced = false;
        for (int i = 0; i < k; i++) {
            ExperimentConfig e = experiments[i];
            ranges[i] = e.bucketRanges();
            seedState[i] = GrowthBookHash.update(GrowthBookHash.OFFSET, e.seed());
            nsSeed[i] = e.namespace() == null ? null : "__" + e.namespace().namespace();
            cond |= e.condition() != null;
            forced |= !e.forced().isEmpty();
        }
        this.anyCondition = cond;
        this.anyForced = forced;
    }

    public AssignConfig config() {
        return config;
    }

    /** The top-level attribute names the conditions read (what a unit table must provide). */
    public Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ExperimentConfig e : experiments) {
            if (e.condition() != null) {
                collect(e.condition().tree(), names);
            }
        }
        return names;
    }

    private static void collect(Map<String, Object> cond, Set<String> names) {
        for (Map.Entry<String, Object> e : cond.entrySet()) {
            String k = e.getKey();
            if (k.equals("$and") || k.equals("$or") || k.equals("$nor")) {
                for (Object c : (List<?>) e.getValue()) {
                    collect(Condition.asMap(c), names);
                }
            } else if (k.equals("$not")) {
                collect(Condition.asMap(e.getValue()), names);
            } else {
                names.add(k.split("\\.", -1)[0]);
            }
        }
    }

    /** Assigns one unit in every experiment. */
    public UnitAssignment assign(String unit, Map<String, ?> attributes) {
        return assign(unit, attributes, Map.of());
    }

    /**
     * Assigns one unit, with QA overrides {@code forced} (experiment key → variation name) on top of
     * those in the config, as GrowthBook's {@code forcedVariations}.
     */
    public UnitAssignment assign(String unit, Map<String, ?> attributes, Map<String, String> forced) {
        requireUnit(unit);
        for (Map.Entry<String, String> f : forced.entrySet()) {
            ExperimentConfig e = config.experiment(f.getKey());
            if (e.indexOf(f.getValue()) < 0) {
                throw new CeterisException("forced variation '" + f.getValue() + "' is not a variation of '"
                        + e.key() + "'; it has " + String.join(", ", e.variations()));
            }
        }
        int[] index = new int[experiments.length];
        double[] bucket = new double[experiments.length];
        assignInto(unit, attributes, index, bucket);
        List<Assignment> out = new ArrayList<>(experiments.length);
        for (int i = 0; i < experiments.length; i++) {
            ExperimentConfig e = experiments[i];
            int v = forced.containsKey(e.key()) ? e.indexOf(forced.get(e.key())) : index[i];
            out.add(new Assignment(e.key(), v < 0 ? "" : e.variations().get(v), v, bucket[i], v >= 0));
        }
        return new UnitAssignment(unit, out);
    }

    /**
     * The allocation-free core: fills {@code index[i]} (variation or −1) and {@code bucket[i]} for
     * every experiment i. {@code attributes} may be null when no experiment has a condition.
     */
    public void assignInto(String unit, Map<String, ?> attributes, int[] index, double[] bucket) {
        requireUnit(unit);
        int unitState = GrowthBookHash.update(GrowthBookHash.OFFSET, unit);
        for (int i = 0; i < experiments.length; i++) {
            double n = bucket(i, unit, unitState);
            bucket[i] = n;
            index[i] = choose(i, unit, unitState, n, attributes);
        }
    }

    /** The bucket of {@code unit} in experiment {@code e} (config order). */
    public double bucket(int e, String unit) {
        requireUnit(unit);
        return bucket(e, unit, GrowthBookHash.update(GrowthBookHash.OFFSET, unit));
    }

    /** The variation index of {@code unit} in experiment {@code e}, or −1; as one entry of {@link #assignInto}. */
    public int variationIndex(int e, String unit, Map<String, ?> attributes) {
        requireUnit(unit);
        int unitState = GrowthBookHash.update(GrowthBookHash.OFFSET, unit);
        return choose(e, unit, unitState, bucket(e, unit, unitState), attributes);
    }

    private double bucket(int i, String unit, int unitState) {
        return experiments[i].hashVersion() == 2
                ? GrowthBookHash.v2Bucket(GrowthBookHash.update(seedState[i], unit))
                : GrowthBookHash.v1Bucket(GrowthBookHash.update(unitState, experiments[i].seed()));
    }

    private int choose(int i, String unit, int unitState, double n, Map<String, ?> attributes) {
        ExperimentConfig e = experiments[i];
        if (anyForced) {
            String f = e.forced().get(unit);
            if (f != null) {
                return e.indexOf(f);
            }
        }
        if (nsSeed[i] != null) {
            double h = GrowthBookHash.v1Bucket(GrowthBookHash.update(unitState, nsSeed[i]));
            if (!(h >= e.namespace().start() && h < e.namespace().end())) {
                return -1;
            }
        }
        if (anyCondition && e.condition() != null && !e.condition().test(attributes == null ? Map.of() : attributes)) {
            return -1;
        }
        return BucketRanges.choose(n, ranges[i]);
    }

    /** The number of experiments. */
    public int size() {
        return experiments.length;
    }

    private static void requireUnit(String unit) {
        if (unit == null || unit.isEmpty()) {
            throw new CeterisException("unit id missing: every unit needs a non-empty id");
        }
    }
}
