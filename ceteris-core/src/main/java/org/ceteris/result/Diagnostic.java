package org.ceteris.result;

import java.util.Objects;

/**
 * A named finding that could change how a result is read: a sample-ratio mismatch, rows dropped
 * for missing values, poor overlap, a failed pre-trend test. Codes are listed in {@link DiagnosticCode}.
 */
public record Diagnostic(String code, Severity severity, String message) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(DiagnosticCode code, String message) {
        return new Diagnostic(code.name(), Severity.ERROR, message);
    }

    public static Diagnostic warning(DiagnosticCode code, String message) {
        return new Diagnostic(code.name(), Severity.WARNING, message);
    }

    public static Diagnostic info(DiagnosticCode code, String message) {
        return new Diagnostic(code.name(), Severity.INFO, message);
    }
}
