package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.dag.AdjustmentAdvice;
import org.ceteris.observational.BalanceRow;
import org.ceteris.observational.Estimand;
import org.ceteris.observational.Method;
import org.ceteris.observational.ObserveResult;
import org.ceteris.observational.ObserveSpec;
import org.ceteris.observational.Refutation;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.studies.ObserveStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris observe}: effects from observational data by propensity matching, weighting or regression. */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = "Effect of a non-randomised treatment: propensity matching, IPW, AIPW or regression, with "
                + "balance, overlap and refutation checks.")
public final class ObserveCommand implements Callable<Integer> {

    @Option(names = "--treatment", required = true, paramLabel = "COL", description = "0/1 (or true/false) treatment column") String treatment;

    @Option(names = "--outcome", required = true, paramLabel = "COL", description = "numeric outcome column") String outcome;

    @Option(names = "--covariates", split = ",", paramLabel = "COL,…",
            description = "covariates to adjust for; text columns are one-hot encoded (first level dropped)")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--dag", paramLabel = "DAG|@FILE",
            description = "causal diagram (DAGitty syntax): adjust for its smallest minimal adjustment set instead of --covariates") String dag;

    @Option(names = "--method", defaultValue = "match", description = "match, ipw, aipw or regression (default ${DEFAULT-VALUE})") String method;

    @Option(names = "--estimand", paramLabel = "att|ate",
            description = "att (effect on the treated) or ate (average effect); " + "default att for match, ate otherwise") String estimand;

    @Option(names = "--ratio", defaultValue = "1", paramLabel = "K",
            description = "controls per treated unit (match; default ${DEFAULT-VALUE})") int ratio;

    @Option(names = "--replace", description = "match with replacement") boolean replace;

    @Option(names = "--caliper", paramLabel = "SD", description = "caliper in standard deviations of the propensity score (match)") Double caliper;

    @Option(names = "--trim", defaultValue = "0", paramLabel = "Q",
            description = "drop units with propensity outside [Q, 1-Q] (default ${DEFAULT-VALUE})") double trim;

    @Option(names = "--refute", split = ",", paramLabel = "NAME,…",
            description = "placebo, random-cause, subset, bootstrap") List<String> refute = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "seed of the refuters' random draws (default ${DEFAULT-VALUE})") long seed;

    @Mixin AlphaOption alpha;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        AdjustmentAdvice advice = null;
        if (dag != null) {
            if (!covariates.isEmpty()) {
                throw new CeterisException("give --covariates or --dag, not both (with --dag the covariates come from the diagram)");
            }
            advice = ObserveStudy.adjustmentFromDag(DagCommand.read(dag), treatment, outcome);
            covariates = advice.covariates();
        }
        ObserveSpec observeSpec = new ObserveSpec(treatment, outcome, covariates, Method.parse(method),
                Estimand.parse(estimand), ratio, replace, caliper == null ? Double.NaN : caliper, trim, refute, seed, alpha.value());
        // the engine is closed once the columns are read: the analysis runs without DuckDB's memory
        ObserveResult result = ObserveStudy.analyze(observeSpec, data.run((engine, source) -> ObserveStudy.load(engine, source, observeSpec)));
        if (advice != null) {
            result = ObserveStudy.withAdjustmentNote(result, advice);
        }
        return output.print(result, r -> render(r, alpha.value()));
    }

    static String render(ObserveResult r, double alpha) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Observational study: %s, %s%n%n", r.estimator(), r.estimand().toUpperCase(Locale.ROOT)));
        TextTable est = new TextTable(List.of("estimate", "se", Wording.confidence(alpha) + " CI", "p", "treated", "untreated",
                "matched untreated"));
        est.row(List.of(Wording.number(r.estimate()), Wording.number(r.se()),
                "[" + Wording.number(r.ciLow()) + ", " + Wording.number(r.ciHigh()) + "]",
                String.format(Locale.ROOT, "%.3g", r.pValue()), String.format(Locale.ROOT, "%,d", r.nTreated()),
                String.format(Locale.ROOT, "%,d", r.nControl()),
                r.nMatchedControl() == null ? "-" : String.format(Locale.ROOT, "%,d", r.nMatchedControl())));
        sb.append(est.render()).append('\n');
        sb.append(String.format(Locale.ROOT, "Propensity model (%s after %d iterations)%n",
                r.propensity().converged() ? "converged" : "NOT converged", r.propensity().iterations()));
        TextTable coef = new TextTable(List.of("term", "coefficient"));
        r.propensity().coefficients().forEach((k, v) -> coef.row(List.of(k, String.format(Locale.ROOT, "%.6g", v))));
        sb.append(coef.render()).append('\n');
        sb.append("Balance (standardized mean difference, variance ratio)\n");
        TextTable bal = new TextTable(List.of("covariate", "smd before", "smd after", "var ratio before", "var ratio after"));
        for (BalanceRow b : r.balance()) {
            bal.row(List.of(b.covariate(), f(b.smdBefore()), f(b.smdAfter()), f(b.varRatioBefore()), f(b.varRatioAfter())));
        }
        sb.append(bal.render()).append('\n');
        sb.append(String.format(Locale.ROOT, "Overlap: treated scores %.3g to %.3g, untreated %.3g to %.3g; %d trimmed%n%n",
                r.overlap().treatedMin(), r.overlap().treatedMax(), r.overlap().controlMin(), r.overlap().controlMax(),
                r.overlap().trimmed()));
        if (!r.refutations().isEmpty()) {
            TextTable ref = new TextTable(List.of("refuter", "estimate", "p", "passed"));
            for (Refutation x : r.refutations()) {
                ref.row(List.of(x.name(), Wording.number(x.estimate()), String.format(Locale.ROOT, "%.3g", x.pValue()),
                        x.passed() ? "yes" : "NO"));
            }
            sb.append(ref.render()).append('\n');
        }
        for (Diagnostic d : r.diagnostics()) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ")
                    .append(d.message()).append('\n');
        }
        if (!r.diagnostics().isEmpty()) {
            sb.append('\n');
        }
        sb.append(r.summary()).append('\n');
        return sb.toString();
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }
}
