package org.ceteris.experiment;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/** The A/B/n scorecard: the sample-ratio check, every metric's comparisons, diagnostics and a verdict. */
public record AbResult(
        String method,
        double alpha,
        String correction,
        SrmCheck srm,
        List<MetricResult> metrics,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "ab";

    public AbResult {
        metrics = List.copyOf(metrics);
        diagnostics = List.copyOf(diagnostics);
    }
}
