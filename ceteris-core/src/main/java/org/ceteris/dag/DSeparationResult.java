package org.ceteris.dag;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/** Whether {@code x} and {@code y} are d-separated given {@code given}, and what that means. */
public record DSeparationResult(
        String method,
        String x,
        String y,
        List<String> given,
        boolean separated,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "dag_dsep";

    public DSeparationResult {
        given = List.copyOf(given);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The query answered on {@code dag}. */
    public static DSeparationResult of(Dag dag, String x, String y, List<String> given) {
        List<String> sorted = given.stream().sorted().distinct().toList();
        boolean sep = dag.dSeparated(List.of(x), List.of(y), sorted);
        String cond = sorted.isEmpty() ? "" : " once " + String.join(", ", sorted) + (sorted.size() == 1 ? " is" : " are") + " held fixed";
        String summary = sep
                ? "According to this diagram, " + x + " and " + y + " carry no information about each other" + cond
                + ": every path between them is blocked, so in data from this process they should look unrelated" + cond + "."
                : "According to this diagram, " + x + " and " + y + " are linked" + cond
                + ": at least one path between them is open, so they can be related in the data.";
        return new DSeparationResult(METHOD, x, y, sorted, sep, List.of(), summary);
    }
}
