package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import org.ceteris.decision.DecisionSpec;
import org.ceteris.decision.DecisionSpecBuilder;
import picocli.CommandLine.Option;

/**
 * The flags that turn effects into a decision, shared by {@code ceteris ab} and {@code ceteris
 * sequential}: the good direction of metrics, guardrails, the inference engine with its prior, and
 * the plan that says whether to keep running.
 */
final class DecisionOptions {

    // which direction is good, and which metrics must not get worse
    @Option(names = "--better", paramLabel = "METRIC=higher|lower", description = "the good direction of a metric (default higher); repeatable") List<String> better = new ArrayList<>();
    @Option(names = "--guardrail", paramLabel = "METRIC:MARGIN", description = "a guardrail with its non-inferiority margin, e.g. sessions:-1%%; repeatable") List<String> guardrails = new ArrayList<>();

    // the Bayesian engine and its prior
    @Option(names = "--inference", defaultValue = "frequentist", paramLabel = "frequentist|bayesian", description = "inference engine (default ${DEFAULT-VALUE})") String inference;
    @Option(names = "--effect", defaultValue = "relative", paramLabel = "relative|absolute", description = "scale of the Bayesian effect, its prior and risk (default ${DEFAULT-VALUE})") String effect;
    @Option(names = "--prior-mean", paramLabel = "X", description = "mean of a proper Gaussian prior on the effect (Bayesian; default 0 when --prior-sd is given)") Double priorMean;
    @Option(names = "--prior-sd", paramLabel = "X", description = "standard deviation of a proper Gaussian prior (Bayesian; default: a flat prior)") Double priorSd;
    @Option(names = "--prior-scale", defaultValue = "relative", paramLabel = "relative|absolute", description = "whether the prior is a relative lift or in the metric's units (default ${DEFAULT-VALUE})") String priorScale;

    // the plan: the goal metric, and the sample or effect size aimed at
    @Option(names = "--goal", paramLabel = "METRIC", description = "the goal metric of the decision (default: the first metric)") String goal;
    @Option(names = "--planned-units", paramLabel = "N", description = "planned total number of units, all arms together") Long plannedUnits;
    @Option(names = "--target-mde", paramLabel = "REL", description = "relative effect to detect at 80%% power, e.g. 2%%") String targetMde;
    @Option(names = "--days-running", paramLabel = "D", description = "days the test has run, for days still needed") Double daysRunning;

    DecisionSpec spec() {
        DecisionSpecBuilder b = new DecisionSpecBuilder().inference(inference).effect(effect).priorMean(priorMean)
                .priorSd(priorSd).priorScale(priorScale).goal(goal).plannedUnits(plannedUnits).targetMde(targetMde)
                .daysRunning(daysRunning);
        better.forEach(b::better);
        guardrails.forEach(b::guardrail);
        return b.build();
    }
}
