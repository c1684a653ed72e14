package org.ceteris.experiment;

import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.stats.MultipleTesting.Correction;

/**
 * Everything an A/B/n scorecard needs besides its data: the columns, the metrics, the expected
 * split and the error rates. The CLI flags, the workspace YAML and the REST body all build this one
 * record.
 *
 * @param control the control variant, or null for the default ("control", else the first in sort order)
 * @param unit    the unit column to sum rows over before analysis, or null when each row is a unit
 * @param split   expected traffic weight per variant for the SRM check; empty means equal
 */
public record AbSpec(
        String variant,
        String control,
        String unit,
        List<MetricSpec> metrics,
        Map<String, Double> split,
        double alpha,
        Correction correction) {

    public AbSpec {
        if (variant == null || variant.isBlank()) {
            throw new CeterisException("name the variant column with --variant");
        }
        if (metrics == null || metrics.isEmpty()) {
            throw new CeterisException("give at least one --metric or --ratio");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        metrics = List.copyOf(metrics);
        split = split == null ? Map.of() : Map.copyOf(split);
        correction = correction == null ? Correction.HOLM : correction;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MetricSpec m : metrics) {
            if (!names.add(m.name())) {
                throw new CeterisException("metric '" + m.name() + "' is given twice");
            }
        }
        for (var e : split.entrySet()) {
            if (!(e.getValue() > 0)) {
                throw new CeterisException("--split weight for '" + e.getKey() + "' must be positive");
            }
        }
    }
}
