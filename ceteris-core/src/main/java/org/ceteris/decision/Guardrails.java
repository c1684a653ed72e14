package org.ceteris.decision;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.sequential.Direction;
import org.ceteris.stats.Distributions;

/**
 * One-sided non-inferiority test of a guardrail at level α on the relative effect r with standard
 * error s (REFERENCES §9): with higher is better and margin m &lt; 0, the arm is "ok" when the lower
 * bound r − z₁₋α·s lies above m, "breached" when the upper bound r + z₁₋α·s lies below m, otherwise
 * "inconclusive"; mirrored when lower is better (m &gt; 0). O(arms).
 */
public final class Guardrails {

    private Guardrails() {
    }

    /** One arm's relative effect and its standard error. */
    public record ArmEffect(String variant, double relative, double relativeSe) {
    }

    public static GuardrailResult check(List<ArmEffect> arms, double margin, Direction better, double alpha) {
        double z = Distributions.normalQuantile(1 - alpha);
        List<GuardrailResult.Check> checks = new ArrayList<>();
        for (ArmEffect a : arms) {
            double lo = a.relative() - z * a.relativeSe();
            double hi = a.relative() + z * a.relativeSe();
            String status;
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                status = GuardrailResult.INCONCLUSIVE;
            } else if (better == Direction.HIGHER) {
                status = lo > margin ? GuardrailResult.OK : hi < margin ? GuardrailResult.BREACHED : GuardrailResult.INCONCLUSIVE;
            } else {
                status = hi < margin ? GuardrailResult.OK : lo > margin ? GuardrailResult.BREACHED : GuardrailResult.INCONCLUSIVE;
            }
            checks.add(new GuardrailResult.Check(a.variant(), status, lo, hi));
        }
        return new GuardrailResult(margin, worst(checks), checks);
    }

    private static String worst(List<GuardrailResult.Check> checks) {
        if (checks.stream().anyMatch(c -> c.status().equals(GuardrailResult.BREACHED))) {
            return GuardrailResult.BREACHED;
        }
        if (checks.stream().anyMatch(c -> c.status().equals(GuardrailResult.INCONCLUSIVE))) {
            return GuardrailResult.INCONCLUSIVE;
        }
        return GuardrailResult.OK;
    }
}
