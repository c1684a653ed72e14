package org.ceteris.experiment;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.OmittedWhenNull;
import org.ceteris.decision.Decision;

/**
 * The A/B/n scorecard: the sample-ratio check, every metric's comparisons, diagnostics, a verdict and
 * the ship decision.
 *
 * @param inference "bayesian" when each metric carries Bayesian posteriors; absent for the frequentist default
 */
public record AbResult(
        String method,
        double alpha,
        String correction,
        SrmCheck srm,
        List<MetricResult> metrics,
        List<Diagnostic> diagnostics,
        String summary,
        @OmittedWhenNull String inference,
        Decision decision) implements CeterisResult {

    public static final String METHOD = "ab";

    public AbResult {
        metrics = List.copyOf(metrics);
        diagnostics = List.copyOf(diagnostics);
    }
}
