package org.ceteris.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.decision.Decision;
import org.ceteris.decision.DecisionRules;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.decision.GoalArm;
import org.ceteris.decision.GuardrailResult;
import org.ceteris.decision.Guardrails;
import org.ceteris.decision.Inference;
import org.ceteris.decision.SampleStatus;
import org.ceteris.experiment.bayes.ArmStatistic;
import org.ceteris.experiment.bayes.BayesianEffect;
import org.ceteris.experiment.bayes.EffectBayesianTest;
import org.ceteris.report.Wording;
import org.ceteris.sequential.Direction;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.Distributions;

/**
 * What the decision options add to a scorecard: each metric's good direction, its guardrail check,
 * its Bayesian posteriors, and the ship decision over the goal metric. Pure: O(variants × metrics).
 */
final class ScorecardDecision {

    private ScorecardDecision() {
    }

    /** The metric with its direction, guardrail and (with Bayesian inference) posteriors. */
    static MetricResult enrich(MetricResult m, MetricSpec spec, Map<String, CoMoments> stats, String control,
                               DecisionSpec decision, double alpha) {
        Direction better = decision.direction(m.metric());
        GuardrailResult guardrail = null;
        Double margin = decision.guardrails().get(m.metric());
        if (margin != null) {
            double z = Distributions.normalQuantile(1 - alpha / 2);
            List<Guardrails.ArmEffect> arms = new ArrayList<>();
            for (Comparison c : m.comparisons()) {
                arms.add(new Guardrails.ArmEffect(c.variant(), c.relative(), (c.relativeCiHigh() - c.relativeCiLow()) / (2 * z)));
            }
            guardrail = Guardrails.check(arms, margin, better, alpha);
        }
        List<BayesianEffect> bayesian = null;
        if (decision.inference() == Inference.BAYESIAN && stats != null && !(spec instanceof MetricSpec.Quantile)) {
            bayesian = new ArrayList<>();
            for (Comparison c : m.comparisons()) {
                bayesian.add(EffectBayesianTest.compare(c.variant(), arm(spec, stats.get(c.variant())), control,
                        arm(spec, stats.get(control)), decision.effectScale(), decision.prior(), alpha, better));
            }
        }
        return m.withDecisionParts(better.label(), guardrail, bayesian);
    }

    private static ArmStatistic arm(MetricSpec spec, CoMoments s) {
        if (spec instanceof MetricSpec.Ratio) {
            return new ArmStatistic.Ratio(s);
        }
        return spec.covariate() != null ? new ArmStatistic.Cuped(s) : new ArmStatistic.Mean(s.a());
    }

    static Decision decide(AbSpec spec, List<MetricResult> metrics, SrmCheck srm, AbInput input) {
        String goalName = spec.goal();
        MetricResult goal = metrics.stream().filter(m -> m.metric().equals(goalName)).findFirst().orElseThrow();
        Direction better = spec.decision().direction(goalName);
        List<GoalArm> arms = new ArrayList<>();
        for (int i = 0; i < goal.comparisons().size(); i++) {
            Comparison c = goal.comparisons().get(i);
            BayesianEffect b = goal.bayesian() == null ? null : goal.bayesian().get(i);
            arms.add(b == null ? frequentist(goal, c, better, spec.alpha()) : bayesian(goal, b, spec.alpha()));
        }
        Map<String, GuardrailResult> guardrails = new LinkedHashMap<>();
        for (MetricResult m : metrics) {
            if (m.guardrail() != null) {
                guardrails.put(m.metric(), m.guardrail());
            }
        }
        long units = input.units().values().stream().mapToLong(Long::longValue).sum();
        long minArm = goal.variants().stream().mapToLong(VariantSummary::n).min().orElse(0);
        double controlMean = goal.variants().stream().filter(v -> v.variant().equals(goal.comparisons().get(0).control()))
                .mapToDouble(VariantSummary::mean).findFirst().orElse(Double.NaN);
        double pooledSd = Math.sqrt(goal.variants().stream().mapToDouble(v -> v.sd() * v.sd()).average().orElse(Double.NaN));
        SampleStatus sample = SampleStatus.of(spec.decision(), units, goal.variants().size(), minArm, controlMean,
                pooledSd, spec.alpha());
        return DecisionRules.decide(arms, guardrails, srm.mismatch(), sample);
    }

    private static GoalArm frequentist(MetricResult m, Comparison c, Direction better, double alpha) {
        GoalArm.Outcome outcome = !c.significant(alpha) ? GoalArm.Outcome.UNCLEAR
                : Math.signum(c.estimate()) == better.sign() ? GoalArm.Outcome.GOOD : GoalArm.Outcome.BAD;
        boolean rel = Double.isFinite(c.relative()) && Double.isFinite(c.relativeCiLow());
        String interval = Wording.confidence(alpha) + " confidence interval "
                + (rel ? Wording.percent(c.relativeCiLow()) + " to " + Wording.percent(c.relativeCiHigh())
                : Wording.number(c.ciLow()) + " to " + Wording.number(c.ciHigh()));
        return new GoalArm(c.variant(), outcome, "Variant " + c.variant() + " " + verb(c.estimate()) + " "
                + Wording.humanize(m.metric()) + " by " + (rel ? Wording.percent(Math.abs(c.relative())) : Wording.number(Math.abs(c.estimate())))
                + " compared with " + c.control() + " (" + interval + ")"
                + (outcome == GoalArm.Outcome.UNCLEAR && c.pValue() < alpha ? ", which is not clear once the p-value is corrected for "
                + "the number of comparisons" : ""));
    }

    private static GoalArm bayesian(MetricResult m, BayesianEffect b, double alpha) {
        GoalArm.Outcome outcome = b.problem() != null ? GoalArm.Outcome.UNCLEAR
                : b.chanceToWin() >= 1 - alpha ? GoalArm.Outcome.GOOD
                : b.chanceToWin() <= alpha ? GoalArm.Outcome.BAD : GoalArm.Outcome.UNCLEAR;
        boolean rel = b.scale().equals("relative");
        String by = rel ? Wording.percent(Math.abs(b.posteriorMean())) : Wording.number(Math.abs(b.posteriorMean()));
        String interval = rel ? Wording.percent(b.ciLow()) + " to " + Wording.percent(b.ciHigh())
                : Wording.number(b.ciLow()) + " to " + Wording.number(b.ciHigh());
        return new GoalArm(b.variant(), outcome, b.problem() != null
                ? "Variant " + b.variant() + " could not be compared on " + Wording.humanize(m.metric()) + " (" + b.problem() + ")"
                : "Variant " + b.variant() + " " + verb(b.posteriorMean()) + " " + Wording.humanize(m.metric()) + " by " + by
                + " on average compared with " + b.control() + " (" + Wording.confidence(alpha) + " credible interval " + interval
                + ", " + Wording.percent(b.chanceToWin()) + " chance to be better)");
    }

    private static String verb(double change) {
        return change > 0 ? "raised" : change < 0 ? "lowered" : "did not change";
    }
}
