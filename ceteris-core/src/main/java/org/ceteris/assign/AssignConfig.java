package org.ceteris.assign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * A whole assignment config: the declared namespaces (layers) and the experiments. Checked as a
 * whole: experiment keys are unique, every namespace an experiment uses is declared, and the
 * slices of one namespace do not overlap (so its experiments are mutually exclusive).
 */
public record AssignConfig(List<String> namespaces, List<ExperimentConfig> experiments) {

    public AssignConfig {
        namespaces = List.copyOf(namespaces == null ? List.of() : namespaces);
        experiments = List.copyOf(experiments == null ? List.of() : experiments);
        if (experiments.isEmpty()) {
            throw new CeterisException("the config has no experiments: add at least one under 'experiments:'");
        }
        if (new HashSet<>(namespaces).size() != namespaces.size()) {
            throw new CeterisException("duplicate namespace in the config: each namespace is declared once");
        }
        Set<String> keys = new HashSet<>();
        List<ExperimentConfig> layered = new ArrayList<>();
        for (ExperimentConfig e : experiments) {
            if (!keys.add(e.key())) {
                throw new CeterisException("duplicate experiment key '" + e.key() + "': keys must be unique");
            }
            NamespaceRange r = e.namespace();
            if (r == null) {
                continue;
            }
            if (!namespaces.contains(r.namespace())) {
                throw new CeterisException("experiment '" + e.key() + "' uses namespace '" + r.namespace()
                        + "', which is not declared under 'namespaces:'");
            }
            for (ExperimentConfig other : layered) {
                if (other.namespace().overlaps(r)) {
                    throw new CeterisException("experiments '" + other.key() + "' " + other.namespace() + " and '"
                            + e.key() + "' " + r + " overlap in namespace '" + r.namespace()
                            + "'; ranges in one namespace must not overlap");
                }
            }
            layered.add(e);
        }
    }

    /** The experiment with this key. */
    public ExperimentConfig experiment(String key) {
        for (ExperimentConfig e : experiments) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        throw new CeterisException("unknown experiment '" + key + "'; the config has: "
                + String.join(", ", experiments.stream().map(ExperimentConfig::key).toList()));
    }
}
