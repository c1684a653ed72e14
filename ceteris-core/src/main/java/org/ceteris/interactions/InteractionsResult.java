package org.ceteris.interactions;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/** Every pair of arms of every pair of experiments, on every metric, with a plain-language verdict. */
public record InteractionsResult(String method, List<InteractionPair> pairs, List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "interactions";

    public InteractionsResult {
        if (!METHOD.equals(method)) {
            throw new IllegalArgumentException("method must be " + METHOD);
        }
        pairs = List.copyOf(pairs);
        diagnostics = List.copyOf(diagnostics);
    }
}
