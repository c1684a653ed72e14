package org.ceteris.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.dag.AdjustmentAdvice;
import org.ceteris.dag.Dag;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.ObservationalInputs;
import org.ceteris.observational.Estimand;
import org.ceteris.observational.Method;
import org.ceteris.observational.ObservationalAnalysis;
import org.ceteris.observational.ObserveResult;
import org.ceteris.observational.ObserveSpec;

/** Propensity matching and weighting as a study: parameters as the flags of {@code ceteris observe}. */
public final class ObserveStudy extends NamedStudyMethod {

    public ObserveStudy() {
        super("observe", Set.of("treatment", "outcome", "covariates", "dag", "method", "estimand", "ratio", "replace", "caliper",
                "trim", "refute", "seed", "alpha"));
    }

    /**
     * The spec from study parameters; {@code covariates} and {@code refute} take lists. With
     * {@code dag} (DAGitty text) the covariates are the diagram's smallest minimal adjustment set.
     * In ceteris.yaml {@code method:} names the study's method, so the CLI's {@code --method}
     * (match, ipw, aipw, regression) is written {@code estimator:} there ({@link StudySpec} maps it).
     */
    public static ObserveSpec spec(Params p) {
        if (p.has("dag")) {
            if (p.has("covariates")) {
                throw new org.ceteris.CeterisException("observe: give covariates or dag, not both (with a DAG the covariates come from it)");
            }
            AdjustmentAdvice advice = adjustmentFromDag(Dag.parse(p.string("dag")), p.string("treatment"), p.string("outcome"));
            return spec(p, advice.covariates());
        }
        return spec(p, p.strings("covariates"));
    }

    private static ObserveSpec spec(Params p, java.util.List<String> covariates) {
        long ratio = p.longOr("ratio", 1);
        if (ratio < 1 || ratio > 100) {
            throw new org.ceteris.CeterisException("observe: parameter 'ratio' must be between 1 and 100, got " + ratio);
        }
        return new ObserveSpec(p.string("treatment"), p.string("outcome"), covariates,
                Method.parse(p.optString("method")), Estimand.parse(p.optString("estimand")), (int) ratio,
                p.flag("replace"), p.doubleOr("caliper", Double.NaN), p.doubleOr("trim", 0), p.strings("refute"),
                p.longOr("seed", 1), p.doubleOr("alpha", 0.05));
    }

    /** Reads the unit-level columns with the engine and runs the analysis. */
    public static ObserveResult run(Engine engine, Source source, ObserveSpec spec) {
        return analyze(spec, load(engine, source, spec));
    }

    /**
     * The unit-level columns the study needs; a caller that owns the engine may close it before
     * {@link #analyze}, which gives DuckDB's memory for the read back (~80 MB at 1M rows).
     */
    public static ObservationalInputs.Loaded load(Engine engine, Source source, ObserveSpec spec) {
        return engine.stableRead(() -> ObservationalInputs.load(engine, source, spec));
    }

    /** The analysis of columns from {@link #load}. */
    public static ObserveResult analyze(ObserveSpec spec, ObservationalInputs.Loaded in) {
        return ObservationalAnalysis.analyze(spec, in.data(), in.excludedRows());
    }

    @Override
    public ObserveResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        ObserveResult result = run(engine, source, spec(params));
        if (params.has("dag")) {
            Dag dag = Dag.parse(params.string("dag"));
            result = withAdjustmentNote(result, adjustmentFromDag(dag, params.string("treatment"), params.string("outcome")));
        }
        return result;
    }

    /**
     * The diagram's smallest minimal adjustment set for the effect of {@code treatment} on
     * {@code outcome}, or a one-line error when the diagram does not name them, says no measured set
     * works, or says no adjustment is needed (then a plain comparison answers the question).
     */
    public static AdjustmentAdvice adjustmentFromDag(Dag dag, String treatment, String outcome) {
        for (String node : List.of(treatment, outcome)) {
            if (!dag.nodes().contains(node)) {
                throw new CeterisException("the DAG has no node '" + node + "'; name the treatment and outcome nodes "
                        + "after their columns (the DAG's nodes are " + String.join(", ", dag.nodes()) + ")");
            }
        }
        AdjustmentAdvice advice = dag.smallestMinimalAdjustmentSet(treatment, outcome);
        if (!advice.identifiable()) {
            throw new CeterisException("by the DAG no set of measured variables removes the confounding of " + treatment
                    + " -> " + outcome + "; run `ceteris dag adjust` to see whether a front-door set or an instrument helps");
        }
        if (advice.covariates().isEmpty()) {
            throw new CeterisException("by the DAG nothing confounds " + treatment + " -> " + outcome
                    + " (the empty set suffices): compare the groups directly, e.g. with `ceteris ab --variant " + treatment
                    + " --metric " + outcome + "`");
        }
        return advice;
    }

    /** The result with a diagnostic saying which covariates the DAG chose and why the others were left out. */
    public static ObserveResult withAdjustmentNote(ObserveResult r, AdjustmentAdvice advice) {
        StringBuilder msg = new StringBuilder("Adjusted for " + String.join(", ", advice.covariates())
                + ", the smallest set of measured variables that, by the DAG, blocks every non-causal path from "
                + advice.exposure() + " to " + advice.outcome() + ".");
        advice.reasons().forEach((node, why) -> {
            if (!advice.covariates().contains(node)) {
                msg.append(' ').append(node).append(": ").append(why).append('.');
            }
        });
        if (advice.alternatives().size() > 1) {
            msg.append(" Other valid sets: ").append(advice.alternatives().subList(1, advice.alternatives().size())).append('.');
        }
        List<Diagnostic> diagnostics = new ArrayList<>(r.diagnostics());
        diagnostics.add(0, Diagnostic.info(DiagnosticCode.DAG_ADJUSTMENT_SET, msg.toString()));
        return new ObserveResult(r.method(), r.estimator(), r.estimand(), r.estimate(), r.se(), r.ciLow(), r.ciHigh(),
                r.pValue(), r.nTreated(), r.nControl(), r.nMatchedControl(), r.propensity(), r.balance(), r.overlap(),
                r.refutations(), diagnostics, r.summary());
    }

    /** The effect, labelled by whom it describes (the generic label would be "estimate"). */
    @Override
    public Headline headline(org.ceteris.result.CeterisResult result) {
        Headline g = super.headline(result);
        if (g == null) {
            return null;
        }
        String estimand = ((ObserveResult) result).estimand();
        String label = "att".equals(estimand) ? "effect on those treated" : "atc".equals(estimand) ? "effect on those not treated"
                : "average effect of the treatment";
        return new Headline(label, g.estimate(), g.ciLow(), g.ciHigh(), false, g.verdict());
    }
}
