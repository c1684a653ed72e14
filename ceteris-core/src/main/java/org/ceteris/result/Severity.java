package org.ceteris.result;

/** How much a diagnostic matters: an error invalidates the result, a warning qualifies it. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in JSON and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
