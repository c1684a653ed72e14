package org.ceteris.metrics;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.experiment.AbResult;
import org.ceteris.json.Json;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * The scorecard of a study over raw logs: exactly the {@code ab} result of its per-unit table, with
 * per metric {@code better}, {@code incomplete_units} and {@code definition} (the YAML entry), the
 * diagnostics of the logs (units exposed to several variants), and with slices the per-slice
 * scorecards and Cochran's Q for each metric and variant. The JSON is the {@code ab} JSON with these
 * fields added, so everything that reads an {@code ab} result reads this one.
 *
 * @param metrics per metric of {@code ab.metrics()}, in order: its definition and counts
 * @param extra   diagnostics about the logs, listed after the scorecard's
 * @param slices  one entry per value of each slice column (empty without slices)
 */
public record MetricsResult(@JsonIgnore AbResult ab, @JsonIgnore List<Metric> metrics, @JsonIgnore List<Diagnostic> extra,
                            @JsonIgnore List<Slice> slices, @JsonIgnore List<Heterogeneity> heterogeneity,
                            @JsonIgnore boolean sliced) implements CeterisResult {

    /** The scorecard's words for units without a value, which here are units whose window had not ended. */
    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "(\\d+) unit\\(s\\) had a missing or non-numeric value of (\\S+) and were left out of that metric\\.");

    public MetricsResult {
        metrics = List.copyOf(metrics);
        extra = List.copyOf(extra);
        slices = List.copyOf(slices);
        heterogeneity = List.copyOf(heterogeneity);
    }

    /** What a metric adds to its scorecard entry. */
    public record Metric(String better, Long incompleteUnits, Map<String, Object> definition) {
    }

    /**
     * The scorecard of one value of a slice column; {@code metrics} are the scorecard's metric
     * entries with p-values adjusted across all slices, or empty with a {@code note} when the slice
     * could not be analysed (too few units in an arm).
     */
    public record Slice(String column, String value, long units, JsonNode metrics, String note) {
    }

    /** Cochran's Q across the values of one slice column, for one metric and one treatment arm. */
    public record Heterogeneity(String column, String metric, String variant, double q, int df, double pValue) {
    }

    @Override
    public String method() {
        return ab.method();
    }

    /**
     * The scorecard's diagnostics, where "missing values" of a metric are in fact units whose window had
     * not ended (a per-unit value is NULL only then) reworded as {@code INCOMPLETE_WINDOW}, then the logs'.
     */
    @Override
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>();
        for (Diagnostic d : ab.diagnostics()) {
            java.util.regex.Matcher m = MISSING.matcher(d.message());
            String metric = m.matches() ? m.group(2) : null;
            Metric x = null;
            for (int i = 0; metric != null && i < ab.metrics().size(); i++) {
                if (ab.metrics().get(i).metric().equals(metric)) {
                    x = metrics.get(i);
                }
            }
            if (x != null && x.incompleteUnits() != null && String.valueOf(x.incompleteUnits()).equals(m.group(1))) {
                all.add(new Diagnostic(org.ceteris.result.DiagnosticCode.INCOMPLETE_WINDOW.name(), d.severity(), m.group(1)
                        + " unit(s) were exposed too recently for the window of " + metric + " to end by the latest event of its "
                        + "source; they were left out of that metric."));
            } else {
                all.add(d);
            }
        }
        all.addAll(extra);
        return all;
    }

    @Override
    public String summary() {
        return ab.summary();
    }

    /** The JSON fields: the {@code ab} result's, extended. */
    @JsonAnyGetter
    public Map<String, Object> json() {
        ObjectNode root = Json.mapper().valueToTree(ab);
        ArrayNode ms = (ArrayNode) root.get("metrics");
        for (int i = 0; i < ms.size(); i++) {
            ObjectNode m = (ObjectNode) ms.get(i);
            Metric x = metrics.get(i);
            m.put("better", x.better());
            if (x.incompleteUnits() == null) {
                m.putNull("incomplete_units");
            } else {
                m.put("incomplete_units", x.incompleteUnits());
            }
            m.set("definition", Json.mapper().valueToTree(x.definition()));
        }
        root.set("diagnostics", Json.mapper().valueToTree(diagnostics()));
        Map<String, Object> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        if (sliced) {
            out.put("slices", Json.mapper().valueToTree(slices));
            out.put("heterogeneity", Json.mapper().valueToTree(heterogeneity));
        }
        return out;
    }
}
