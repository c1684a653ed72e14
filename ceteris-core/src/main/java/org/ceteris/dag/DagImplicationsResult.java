package org.ceteris.dag;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;

/** The basis set of testable implications of a diagram (see {@link Implications}). */
public record DagImplicationsResult(
        String method,
        List<Implication> implications,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "dag_implications";

    public DagImplicationsResult {
        implications = List.copyOf(implications);
        diagnostics = List.copyOf(diagnostics);
    }

    public static DagImplicationsResult of(Dag dag) {
        List<Implication> imps = dag.implications();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String summary;
        if (imps.isEmpty()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.DAG_NO_IMPLICATIONS,
                    "every pair of measured variables is connected, so the DAG implies no testable independence"));
            summary = "This diagram claims no independence between measured variables, so data cannot contradict it.";
        } else {
            summary = "This diagram claims " + imps.size() + " independence" + (imps.size() > 1 ? "s" : "")
                    + " that data can check (one per pair of measured variables without an arrow between them); "
                    + "run 'ceteris dag test' to see whether your data agree.";
        }
        return new DagImplicationsResult(METHOD, imps, diagnostics, summary);
    }
}
