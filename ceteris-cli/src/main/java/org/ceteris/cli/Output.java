package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ceteris.json.Json;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/** Printing results: exactly one JSON document with --json, else readable text. */
final class Output {

    private Output() {
    }

    static void json(PrintWriter out, Object result) {
        out.println(Json.write(result));
        out.flush();
    }

    /** The end of every readable report: one line per diagnostic, a blank line, then the verdict. */
    static String diagnosticsAndSummary(CeterisResult r) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : r.diagnostics()) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ")
                    .append(d.message()).append('\n');
        }
        if (!r.diagnostics().isEmpty()) {
            sb.append('\n');
        }
        return sb.append(r.summary()).append('\n').toString();
    }

    /** The decision block of a readable report: the recommendation and one line per reason. */
    static String decision(org.ceteris.decision.Decision d) {
        return d == null ? "" : decision(d.recommendation(), d.variant(), d.reasons());
    }

    static String decision(String recommendation, String variant, java.util.List<String> reasons) {
        StringBuilder sb = new StringBuilder("\nDecision: ").append(recommendation.replace('_', ' ').toUpperCase(Locale.ROOT));
        if (variant != null) {
            sb.append(" (").append(variant).append(')');
        }
        sb.append('\n');
        for (String reason : reasons) {
            sb.append("  - ").append(reason).append('\n');
        }
        return sb.toString();
    }
}
