package org.ceteris.experiment.bayes;

/**
 * The posterior of one arm's effect against control (normal, on {@code scale}).
 *
 * @param posteriorMean posterior mean of the effect (relative lift or absolute difference)
 * @param posteriorSd   posterior standard deviation
 * @param ciLow         lower end of the central credible interval at level 1 − α
 * @param chanceToWin   posterior probability that the variant is better than control in the metric's good direction
 * @param riskVariant   expected loss of choosing the variant (how much worse it is, averaged over the posterior)
 * @param riskControl   expected loss of keeping control
 * @param problem       null, or why the data could not be analysed (then the result is uninformative:
 *                      chance 0.5, everything else 0, as gbstats reports it)
 */
public record BayesianEffect(
        String variant,
        String control,
        String scale,
        double posteriorMean,
        double posteriorSd,
        double ciLow,
        double ciHigh,
        double chanceToWin,
        double riskVariant,
        double riskControl,
        String problem) {
}
