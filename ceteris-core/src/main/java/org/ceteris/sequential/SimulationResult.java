package org.ceteris.sequential;

import java.util.List;
import java.util.Map;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * What simulating a planned experiment showed, per design, each share with its Monte Carlo standard
 * error √(p(1−p)/sims) (the expected size with sd/√sims).
 */
public record SimulationResult(
        String method,
        int sims,
        long seed,
        List<DesignResult> designs,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "simulate_sequential";

    public SimulationResult {
        designs = List.copyOf(designs);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * One design's operating characteristics.
     *
     * @param falsePositiveRate share of runs in which any arm whose true effect is 0 was declared
     *                          different from control (null when every arm has an effect)
     * @param power             per arm with a non-zero effect: share of runs in which it was declared different from control
     * @param expectedN         mean total units when the run stopped
     * @param demotionRate      per arm: share of runs in which it was demoted; null when nothing is demoted
     * @param expectedN_mcse    Monte Carlo standard error of expectedN (named so that the JSON key is expected_n_mcse)
     * @param anyDemotionRate   share of runs in which any arm was demoted; null when nothing is demoted
     */
    public record DesignResult(
            String design,
            Double falsePositiveRate,
            Double falsePositiveMcse,
            Map<String, Double> power,
            double expectedN,
            Map<String, Double> demotionRate,
            Map<String, Double> powerMcse,
            double expectedN_mcse,
            Map<String, Double> demotionRateMcse,
            Double anyDemotionRate,
            Double anyDemotionMcse) {
    }
}
