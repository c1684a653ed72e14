package org.ceteris.studies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.Severity;

/**
 * The one number a dashboard card shows for a study run: what was estimated, the estimate, its
 * interval, and a verdict for the badge. Stored with every run so a study's history can be charted
 * without reading old results again.
 *
 * @param label    what the estimate is, in words ("watch minutes, personalised vs control")
 * @param relative true when estimate and interval are relative changes (0.04 = +4%)
 * @param verdict  {@code positive}, {@code negative}, {@code no_clear_effect} or {@code check_data}
 *                 (an error diagnostic: do not act on the number); for a metric where lower is better
 *                 ({@code better: lower}) a clear change is {@code decrease_good} or {@code increase_bad}
 */
public record Headline(String label, double estimate, double ciLow, double ciHigh, boolean relative, String verdict) {

    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";
    public static final String NO_CLEAR_EFFECT = "no_clear_effect";
    public static final String CHECK_DATA = "check_data";
    /** A clear decrease of a metric where lower is better. */
    public static final String DECREASE_GOOD = "decrease_good";
    /** A clear increase of a metric where lower is better. */
    public static final String INCREASE_BAD = "increase_bad";

    /** This headline for a metric where {@code better} ("higher" or "lower") is the good direction. */
    public Headline withBetter(String better) {
        if (!"lower".equals(better)) {
            return this;
        }
        String v = verdict.equals(POSITIVE) ? INCREASE_BAD : verdict.equals(NEGATIVE) ? DECREASE_GOOD : verdict;
        return new Headline(label, estimate, ciLow, ciHigh, relative, v);
    }

    public Headline {
        if (label == null || verdict == null) {
            throw new IllegalArgumentException("label and verdict are required");
        }
    }

    /** The verdict from an interval: above zero, below zero or across it; errors win. */
    public static String verdict(double ciLow, double ciHigh, CeterisResult result) {
        if (hasError(result)) {
            return CHECK_DATA;
        }
        if (ciLow > 0) {
            return POSITIVE;
        }
        if (ciHigh < 0) {
            return NEGATIVE;
        }
        return NO_CLEAR_EFFECT;
    }

    static boolean hasError(CeterisResult result) {
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headline of a method that does not define its own: the result's top-level
     * {@code estimate} with {@code ci_low}/{@code ci_high} when it has them (the field names of the
     * JSON contract), otherwise null (the dashboard then shows the summary only).
     */
    public static Headline generic(JsonNode result, CeterisResult typed) {
        JsonNode est = result.get("estimate");
        if (est == null || !est.isNumber()) {
            return null;
        }
        double lo = number(result, "ci_low");
        double hi = number(result, "ci_high");
        String label = result.hasNonNull("outcome") ? result.get("outcome").asText() : "estimate";
        String verdict = Double.isNaN(lo) || Double.isNaN(hi)
                ? (hasError(typed) ? CHECK_DATA : NO_CLEAR_EFFECT) : verdict(lo, hi, typed);
        return new Headline(label.toLowerCase(Locale.ROOT).replace('_', ' '), est.asDouble(), lo, hi, false, verdict);
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
