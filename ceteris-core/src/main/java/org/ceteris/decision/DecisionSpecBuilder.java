package org.ceteris.decision;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.experiment.bayes.EffectScale;
import org.ceteris.experiment.bayes.GaussianPrior;
import org.ceteris.sequential.Direction;

/**
 * Builds a {@link DecisionSpec} from the textual forms the CLI flags and the study YAML share:
 * {@code --better METRIC=lower}, {@code --guardrail METRIC:-1%}, {@code --inference bayesian},
 * {@code --effect relative|absolute}, {@code --prior-mean}/{@code --prior-sd}/{@code --prior-scale},
 * {@code --goal}, {@code --planned-units}, {@code --target-mde 2%}, {@code --days-running}.
 */
public final class DecisionSpecBuilder {

    private final Map<String, Direction> better = new LinkedHashMap<>();
    private final Map<String, Double> guardrails = new LinkedHashMap<>();
    private Inference inference = Inference.FREQUENTIST;
    private EffectScale effect = EffectScale.RELATIVE;
    private Double priorMean;
    private Double priorSd;
    private EffectScale priorScale = EffectScale.RELATIVE;
    private String goal;
    private Long plannedUnits;
    private Double targetMde;
    private Double daysRunning;

    /** {@code METRIC=higher|lower}. */
    public DecisionSpecBuilder better(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new CeterisException("--better '" + text + "' is not METRIC=higher or METRIC=lower, e.g. inactive_30=lower");
        }
        return better(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    public DecisionSpecBuilder better(String metric, String direction) {
        String d = direction == null ? "" : direction.strip().toLowerCase(java.util.Locale.ROOT);
        if (!d.equals("higher") && !d.equals("lower")) {
            throw new CeterisException("--better for " + metric + " is '" + direction + "': use higher or lower");
        }
        better.put(metric, Direction.parse(d));
        return this;
    }

    /** {@code METRIC:MARGIN}, the margin relative: {@code sessions:-1%}. */
    public DecisionSpecBuilder guardrail(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CeterisException("--guardrail '" + text + "' is not METRIC:MARGIN, e.g. sessions:-1%");
        }
        return guardrail(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    public DecisionSpecBuilder guardrail(String metric, String margin) {
        guardrails.put(metric, Margins.fraction(margin, "--guardrail margin for " + metric));
        return this;
    }

    public DecisionSpecBuilder inference(String text) {
        this.inference = Inference.parse(text);
        return this;
    }

    public DecisionSpecBuilder effect(String text) {
        this.effect = EffectScale.parse(text, "--effect");
        return this;
    }

    public DecisionSpecBuilder priorMean(Double mean) {
        this.priorMean = mean;
        return this;
    }

    public DecisionSpecBuilder priorSd(Double sd) {
        this.priorSd = sd;
        return this;
    }

    public DecisionSpecBuilder priorScale(String text) {
        this.priorScale = EffectScale.parse(text, "--prior-scale");
        return this;
    }

    public DecisionSpecBuilder goal(String metric) {
        this.goal = metric;
        return this;
    }

    public DecisionSpecBuilder plannedUnits(Long units) {
        this.plannedUnits = units;
        return this;
    }

    /** A relative effect: {@code 2%} or {@code 0.02}. */
    public DecisionSpecBuilder targetMde(String text) {
        this.targetMde = text == null ? null : Margins.fraction(text, "--target-mde");
        return this;
    }

    public DecisionSpecBuilder daysRunning(Double days) {
        this.daysRunning = days;
        return this;
    }

    public DecisionSpec build() {
        if (priorMean != null && priorSd == null) {
            throw new CeterisException("--prior-mean needs --prior-sd (the prior's standard deviation)");
        }
        if ((priorSd != null) && inference != Inference.BAYESIAN) {
            throw new CeterisException("a prior (--prior-sd) is used only with --inference bayesian");
        }
        GaussianPrior prior = priorSd == null ? null : new GaussianPrior(priorMean == null ? 0 : priorMean, priorSd, priorScale);
        return new DecisionSpec(better, guardrails, inference, effect, prior, goal, plannedUnits, targetMde, daysRunning);
    }
}
