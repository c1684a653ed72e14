package org.ceteris.decision;

import java.util.List;

/**
 * A guardrail metric's non-inferiority check: per treatment arm, whether it stayed within the margin.
 *
 * @param margin the relative margin (−0.01: may fall at most 1%)
 * @param status the worst over arms: "breached" over "inconclusive" over "ok"
 */
public record GuardrailResult(double margin, String status, List<Check> checks) {

    public static final String OK = "ok";
    public static final String BREACHED = "breached";
    public static final String INCONCLUSIVE = "inconclusive";

    public GuardrailResult {
        checks = List.copyOf(checks);
    }

    /**
     * One arm: the one-sided bound of the relative effect at level 1 − α that decided it (the lower
     * bound when higher is better, else the upper bound), and the bound on the other side.
     */
    public record Check(String variant, String status, double lower, double upper) {
    }
}
