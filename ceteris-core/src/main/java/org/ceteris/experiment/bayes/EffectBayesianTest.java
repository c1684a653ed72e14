package org.ceteris.experiment.bayes;

import org.ceteris.sequential.Direction;
import org.ceteris.stats.Distributions;

/**
 * Bayesian A/B comparison over a normal approximation of the effect, as GrowthBook gbstats'
 * {@code EffectBayesianABTest}: the frequentist estimate d with standard error s (from
 * {@link EffectMoments}) is the likelihood N(d, s²); with a proper prior N(m, τ²) the posterior
 * precision is 1/s² + 1/τ² and its mean (d/s² + m/τ²)/precision, without one the posterior is N(d, s²).
 * Chance to win = P(effect &gt; 0) (P(effect &lt; 0) when lower is better); the credible interval is the
 * central normal interval at 1 − α; risk is the expected loss
 * E[max(0, −effect)] = σφ(μ/σ) − μΦ(−μ/σ) of choosing the variant and E[max(0, effect)] = σφ(μ/σ) + μΦ(μ/σ)
 * of keeping control (the truncated-normal means of gbstats {@code get_risk} in closed form), swapped
 * when lower is better. O(1).
 */
public final class EffectBayesianTest {

    private EffectBayesianTest() {
    }

    /**
     * @param prior null for gbstats' improper (flat) default
     */
    public static BayesianEffect compare(String variant, ArmStatistic treatment, String control, ArmStatistic controlStats,
                                         EffectScale scale, GaussianPrior prior, double alpha, Direction better) {
        EffectMoments m = EffectMoments.of(controlStats, treatment, scale);
        return posterior(variant, control, m, scale, prior, alpha, better);
    }

    public static BayesianEffect posterior(String variant, String control, EffectMoments m, EffectScale scale,
                                           GaussianPrior prior, double alpha, Direction better) {
        if (m.problem() != null) {
            return uninformative(variant, control, scale, m.problem());
        }
        if (prior != null && prior.scale() != scale && (m.controlMean() == 0 || !Double.isFinite(m.controlMean()))) {
            return uninformative(variant, control, scale, EffectMoments.ZERO_BASELINE);
        }
        GaussianPrior p = prior == null ? null : prior.on(scale, m.controlMean());
        double dataVar = m.se() * m.se();
        double precision = 1 / dataVar + (p == null ? 0 : 1 / (p.sd() * p.sd()));
        double mean = p == null ? m.estimate() : (m.estimate() / dataVar + p.mean() / (p.sd() * p.sd())) / precision;
        double sd = Math.sqrt(1 / precision);
        double z = Distributions.normalQuantile(1 - alpha / 2);
        double up = Distributions.normalCdf(mean / sd);
        double[] risk = risk(mean, sd);
        boolean lower = better == Direction.LOWER;
        return new BayesianEffect(variant, control, scale.label(), mean, sd, mean - z * sd, mean + z * sd,
                lower ? 1 - up : up, lower ? risk[0] : risk[1], lower ? risk[1] : risk[0], null);
    }

    /**
     * {E[max(0, X)], E[max(0, −X)]} for X ~ N(μ, σ²): the loss of keeping control and of choosing the
     * variant when higher is better.
     */
    static double[] risk(double mu, double sigma) {
        if (sigma > 0 && Math.abs(mu / sigma) > 37) {
            return new double[] {Math.max(mu, 0.0), Math.max(-mu, 0.0)};
        }
        double z = mu / sigma;
        double density = sigma * Distributions.normalDensity(z);
        return new double[] {mu * Distributions.normalCdf(z) + density, density - mu * Distributions.normalCdf(-z)};
    }

    private static BayesianEffect uninformative(String variant, String control, EffectScale scale, String problem) {
        return new BayesianEffect(variant, control, scale.label(), 0, 0, 0, 0, 0.5, 0, 0, problem);
    }
}
