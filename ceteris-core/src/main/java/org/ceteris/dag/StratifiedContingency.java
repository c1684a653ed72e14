package org.ceteris.dag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ceteris.stats.Distributions;

/**
 * Conditional independence of two discrete variables given others: Pearson's X² or the
 * likelihood-ratio G² = 2 Σ o ln(o / e) computed within each stratum of the conditioning
 * variables and summed, with Σ (r_s − 1)(c_s − 1) degrees of freedom over the levels present in
 * each stratum (Agresti 2013, §6.4.1; as summing {@code scipy.stats.chi2_contingency} over strata).
 * O(cells).
 */
final class StratifiedContingency {

    /** Statistic, degrees of freedom, p-value and the share of cells with expected count below 5. */
    record Test(double statistic, double df, double p, double sparseShare) {
    }

    private StratifiedContingency() {
    }

    static Test test(List<DagTestInput.Cell> cells, boolean likelihoodRatio) {
        Map<String, Map<String, Map<String, Long>>> strata = new TreeMap<>();
        for (DagTestInput.Cell c : cells) {
            if (c.count() > 0) {
                strata.computeIfAbsent(c.stratum(), k -> new TreeMap<>()).computeIfAbsent(c.x(), k -> new TreeMap<>())
                        .merge(c.y(), c.count(), Long::sum);
            }
        }
        double stat = 0;
        double df = 0;
        long cellsTotal = 0;
        long sparse = 0;
        for (Map<String, Map<String, Long>> table : strata.values()) {
            Map<String, Long> rows = new TreeMap<>();
            Map<String, Long> cols = new TreeMap<>();
            long total = 0;
            for (Map.Entry<String, Map<String, Long>> r : table.entrySet()) {
                for (Map.Entry<String, Long> c : r.getValue().entrySet()) {
                    rows.merge(r.getKey(), c.getValue(), Long::sum);
                    cols.merge(c.getKey(), c.getValue(), Long::sum);
                    total += c.getValue();
                }
            }
            if (rows.size() < 2 || cols.size() < 2) {
                continue;
            }
            df += (rows.size() - 1.0) * (cols.size() - 1.0);
            for (Map.Entry<String, Long> r : rows.entrySet()) {
                for (Map.Entry<String, Long> c : cols.entrySet()) {
                    double e = (double) r.getValue() * c.getValue() / total;
                    long o = table.get(r.getKey()).getOrDefault(c.getKey(), 0L);
                    cellsTotal++;
                    sparse += e < 5 ? 1 : 0;
                    if (likelihoodRatio) {
                        stat += o > 0 ? 2.0 * o * Math.log(o / e) : 0.0;
                    } else {
                        stat += (o - e) * (o - e) / e;
                    }
                }
            }
        }
        if (df == 0) {
            return new Test(Double.NaN, 0, Double.NaN, 0);
        }
        return new Test(stat, df, Distributions.chiSquaredUpperTail(stat, df), cellsTotal == 0 ? 0 : (double) sparse / cellsTotal);
    }
}
