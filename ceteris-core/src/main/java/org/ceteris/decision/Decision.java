package org.ceteris.decision;

import java.util.List;
import java.util.Locale;

/**
 * What to do with the experiment, and why in plain words.
 *
 * @param recommendation "ship", "do_not_ship", "keep_running" or "inconclusive"
 * @param variant        the variant to ship (with "ship"), else null
 * @param reasons        one sentence per consideration: the goal metric, every guardrail, the
 *                       sample-ratio check, the sample size
 * @param furtherUnits   for a test that should keep running, the further units needed for the
 *                       target MDE at 80% power (or to the planned size); else null
 * @param furtherDays    those units in days at the observed daily traffic, when the days so far are known
 */
public record Decision(String recommendation, String variant, List<String> reasons, Long furtherUnits, Double furtherDays) {

    public enum Recommendation {
        SHIP, DO_NOT_SHIP, KEEP_RUNNING, INCONCLUSIVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
