package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.experiment.AbInput;
import org.ceteris.stats.CoMoments;

/**
 * Merges partial aggregates of an experiment (per variant and block of rows: counts, means,
 * variances and covariance per metric) into the scorecard's {@link AbInput}, in the order they are
 * added: Chan's update ({@link CoMoments#merge}) of each variant's blocks one after another, so a
 * fixed order of blocks gives the same bits on every run. Used for blocks that come as rows of any
 * engine ({@link AbInputs}) and as primitive columns of DuckDB's block sums ({@link BlockSums}).
 */
final class VariantMerge {

    private final List<String> metrics;
    private final Map<String, Long> units = new HashMap<>();
    private final Map<String, Map<String, CoMoments>> stats = new HashMap<>();
    private final Map<String, Long> excluded = new HashMap<>();
    private final Map<String, Long> excludedRows = new HashMap<>();
    private long unassigned;

    /** {@code metrics}: the metrics' names, in the order of their index {@code k} below. */
    VariantMerge(List<String> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    /** {@code n} rows (units) without a variant: counted, never analysed. */
    void unassigned(long n) {
        unassigned += n;
    }

    /** A block of {@code n} rows (units) of {@code variant}. */
    void units(String variant, long n) {
        units.merge(variant, n, Long::sum);
    }

    /** Rows of metric {@code k} left out because a value was missing (per-unit sums only). */
    void excludedRows(int k, long rows) {
        excludedRows.merge(metrics.get(k), rows, Long::sum);
    }

    /**
     * Metric {@code k} in a block of {@code n} units of {@code variant}: {@code nk} of them have values,
     * with means {@code ma}, {@code mb} (NaN without a second column), sample variances and
     * covariance (NaN where undefined, taken as 0).
     */
    void metric(String variant, int k, long n, long nk, double ma, double mb, double va, double vb, double cab) {
        String name = metrics.get(k);
        excluded.merge(name, n - nk, Long::sum);
        CoMoments cm = nk == 0 ? CoMoments.EMPTY
                : CoMoments.ofVariances(nk, ma, zeroIfNaN(mb), zeroIfNaN(va), zeroIfNaN(vb), zeroIfNaN(cab));
        stats.computeIfAbsent(name, x -> new HashMap<>()).merge(variant, cm, CoMoments::merge);
    }

    /** The merged statistics of metric {@code k} in {@code variant} (null before any block). */
    CoMoments merged(int k, String variant) {
        Map<String, CoMoments> byVariant = stats.get(metrics.get(k));
        return byVariant == null ? null : byVariant.get(variant);
    }

    /** Replaces the merged statistics of metric {@code k} in {@code variant} (exactly summed means). */
    void replace(int k, String variant, CoMoments cm) {
        stats.get(metrics.get(k)).put(variant, cm);
    }

    /** The input of the scorecard; call once, after the last block. */
    AbInput build() {
        List<String> variants = new ArrayList<>(units.keySet());
        variants.sort(String::compareTo);
        for (String m : metrics) {
            stats.computeIfAbsent(m, x -> new HashMap<>());
        }
        excludedRows.values().removeIf(x -> x == 0);
        return new AbInput(variants, units, stats, excluded, unassigned, excludedRows);
    }

    private static double zeroIfNaN(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }
}
