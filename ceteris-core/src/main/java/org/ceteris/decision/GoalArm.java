package org.ceteris.decision;

/**
 * One treatment arm on the goal metric as the decision reads it.
 *
 * @param outcome GOOD when the arm moved the metric clearly in its good direction (frequentist:
 *                significant at α after correction; Bayesian: chance to win ≥ 1 − α), BAD when clearly
 *                the other way, UNCLEAR otherwise
 * @param finding the result in words, e.g. "B raised watch minutes by 3.1% (95% interval 1.2% to 5.0%)"
 */
public record GoalArm(String variant, Outcome outcome, String finding) {

    public enum Outcome { GOOD, BAD, UNCLEAR }
}
