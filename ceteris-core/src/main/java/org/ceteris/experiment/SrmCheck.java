package org.ceteris.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.stats.Distributions;

/**
 * Sample-ratio mismatch check: Pearson χ² goodness of fit of the observed unit counts per variant
 * against the configured split, df = k − 1 ({@code scipy.stats.chisquare}). A mismatch is flagged
 * when p &lt; 0.001 (Fabijan et al., KDD 2019). O(k).
 */
public record SrmCheck(
        Map<String, Long> observed,
        Map<String, Double> expectedShare,
        double chi2,
        double pValue,
        boolean mismatch) {

    /** The p-value under which a mismatch is declared. */
    public static final double THRESHOLD = 0.001;

    public SrmCheck {
        observed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        expectedShare = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expectedShare));
    }

    /**
     * @param observed unit counts per variant, in display order
     * @param weights  expected split per variant (any positive scale; normalised here)
     */
    public static SrmCheck of(Map<String, Long> observed, Map<String, Double> weights) {
        double totalWeight = 0;
        for (String v : observed.keySet()) {
            Double w = weights.get(v);
            if (w == null || !(w > 0)) {
                throw new IllegalArgumentException("no positive weight for variant " + v);
            }
            totalWeight += w;
        }
        long total = observed.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> share = new LinkedHashMap<>();
        double chi2 = 0;
        for (var e : observed.entrySet()) {
            double s = weights.get(e.getKey()) / totalWeight;
            share.put(e.getKey(), s);
            double expected = total * s;
            double diff = e.getValue() - expected;
            chi2 += diff * diff / expected;
        }
        double p = Distributions.chiSquaredUpperTail(chi2, observed.size() - 1);
        return new SrmCheck(observed, share, chi2, p, p < THRESHOLD);
    }
}
