package org.ceteris.interactions;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.stats.MultipleTesting;

/**
 * What to check for interactions: the experiment columns (each holding a unit's arm, empty or NULL
 * when the unit is not in that experiment), the metrics, an optional unit column (rows summed per
 * unit first), the control arm of each experiment ("control" if present, else the first arm in
 * sort order, unless named in {@code controls}), the correction across all pairs and metrics, and
 * the level of the interval quoted in the summary.
 */
public record InteractionsSpec(List<String> experiments, List<String> metrics, String unit,
        Map<String, String> controls, MultipleTesting.Correction correction, double alpha) {

    public InteractionsSpec {
        experiments = List.copyOf(experiments == null ? List.of() : experiments);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        if (experiments.size() < 2) {
            throw new CeterisException("give at least two experiment columns (--experiments COL_A,COL_B,…)");
        }
        if (new HashSet<>(experiments).size() != experiments.size()) {
            throw new CeterisException("an experiment column is listed twice in --experiments");
        }
        if (metrics.isEmpty()) {
            throw new CeterisException("give at least one --metric");
        }
        if (new HashSet<>(metrics).size() != metrics.size()) {
            throw new CeterisException("a metric is listed twice");
        }
        for (String m : metrics) {
            if (experiments.contains(m)) {
                throw new CeterisException("column '" + m + "' is both an experiment and a metric");
            }
        }
        controls = new LinkedHashMap<>(controls == null ? Map.of() : controls);
        for (String e : controls.keySet()) {
            if (!experiments.contains(e)) {
                throw new CeterisException("--control names '" + e + "', which is not one of the experiments " + experiments);
            }
        }
        controls = Map.copyOf(controls);
        if (correction == null) {
            correction = MultipleTesting.Correction.BH;
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1, got " + alpha);
        }
    }
}
