package org.ceteris.advisor;

import java.util.List;

/**
 * The advisor's recommendation: a design, why, what must hold for it to be right, the command to
 * run, and what else to consider.
 */
public record Advice(
        String method,
        String design,
        List<String> reasons,
        List<String> assumptions,
        String command,
        List<String> alternatives,
        List<String> warnings,
        String summary) {

    public Advice {
        reasons = List.copyOf(reasons);
        assumptions = List.copyOf(assumptions);
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
    }
}
