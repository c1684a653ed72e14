package org.ceteris.dag;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * The diagram's testable implications checked against data: one test per implication, p-values
 * adjusted for the number of tests ({@code correction}), and how many the data contradict.
 */
public record DagTestResult(
        String method,
        String test,
        long n,
        double alpha,
        String correction,
        int tested,
        int rejected,
        List<ImplicationTest> implications,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "dag_test";

    public DagTestResult {
        implications = List.copyOf(implications);
        diagnostics = List.copyOf(diagnostics);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha out of (0, 1)");
        }
    }
}
