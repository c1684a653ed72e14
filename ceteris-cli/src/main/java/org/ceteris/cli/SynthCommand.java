package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.report.Wording;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.studies.SynthStudy;
import org.ceteris.synth.HeterogeneityResult;
import org.ceteris.synth.SynthResult;
import org.ceteris.synth.SynthSpec;
import org.ceteris.synth.TraitExpansion;
import org.ceteris.synth.TraitModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris synth}: synthetic control with placebo inference. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthetic control: a weighted mix of donor units as the treated unit's counterfactual, with placebo inference.")
public final class SynthCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin PanelOptions panel;

    @Option(names = "--treated", required = true, paramLabel = "NAME[,NAME…]",
            description = "treated unit; several give one fit each and a heterogeneity table") String treated;

    @Option(names = "--treatment-time", required = true, paramLabel = "T",
            description = "first treated period: a number, or a date YYYY-MM-DD when the time column holds dates") String treatmentTime;

    @Option(names = "--predictor", paramLabel = "COL[:FROM-TO]",
            description = "mean of COL over FROM-TO or FROM..TO (dates: 2026-01-05..2026-02-23; default the whole pre-period); repeatable") List<String> predictors = new ArrayList<>();

    @Option(names = "--train-predictor", paramLabel = "COL[:FROM-TO]",
            description = "cross-validated V (ADH 2015): training-period version of each predictor, in order; repeatable")
    List<String> trainPredictors = new ArrayList<>();

    @Option(names = "--special", paramLabel = "COL@T",
            description = "the value of COL at time T as a predictor; repeatable") List<String> specials = new ArrayList<>();

    @Option(names = "--train-special", paramLabel = "COL@T",
            description = "cross-validated V: training-period special predictor; repeatable") List<String> trainSpecials = new ArrayList<>();

    @Option(names = "--fit-window", paramLabel = "FROM-TO|FROM..TO",
            description = "periods whose outcome fit chooses the predictor weights (default the pre-period)") String fitWindow;

    @Option(names = "--train-fit-window", paramLabel = "FROM-TO",
            description = "cross-validated V: periods whose fit with the training predictors chooses V") String trainFitWindow;

    @Option(names = "--donors", paramLabel = "A,B,…", description = "donor pool (default every untreated unit)") String donors;

    @Option(names = "--exclude", paramLabel = "A,B,…", description = "units left out of the donor pool") String exclude;

    @Option(names = "--method", defaultValue = "classic",
            description = "classic or augmented (ridge outcome model); default ${DEFAULT-VALUE}") String method;

    @Option(names = "--v-search", defaultValue = "nested",
            description = "predictor weights: nested (full search) or regression (Stata synth's default); default ${DEFAULT-VALUE}") String vSearch;

    @Option(names = "--placebos", description = "placebo units, leave-one-out donors and an in-time placebo") boolean placebos;

    @Option(names = "--mspe-filter", paramLabel = "K",
            description = "ignore placebos whose pre-period MSPE exceeds K times the treated unit's") Double mspeFilter;

    @Option(names = "--conformal", description = "conformal per-period intervals (Chernozhukov, Wüthrich & Zhu 2021)") boolean conformal;

    /** The level of the intervals and of calling a placebo rank unusual: 0.1, synthetic control's convention. */
    @Mixin AlphaOption alpha = new AlphaOption(0.1);

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random starts of the weight search; default ${DEFAULT-VALUE}") long seed;

    @Option(names = "--traits", paramLabel = "COL,…",
            description = "unit columns (one value per unit) to set against each treated unit's effect (with several --treated)") String traits;

    @Option(names = "--predict-candidates",
            description = "with --traits: model the effects on the traits and rank untreated units by predicted effect (runs the placebos, as --placebos)")
    boolean predictCandidates;

    @Option(names = "--candidates", paramLabel = "A,B,…",
            description = "units to rank with --predict-candidates (default every untreated unit)") String candidates;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        var params = FlagParams.of(spec, Set.of("data", "output"), "synth");
        SynthSpec synthSpec = SynthStudy.spec(params);
        TraitExpansion expansion = SynthStudy.expansion(params);
        CeterisResult result;
        try (DataOptions.Opened opened = data.open()) {
            result = OnAllCores.run("ceteris-synth", synthSpec.placebos() ? "placebo fits" : null, output.json,
                    parallel -> SynthStudy.run(opened.engine(), opened.source(), synthSpec, expansion, parallel));
        }
        return output.print(result, x -> x instanceof SynthResult r ? render(r) : render((HeterogeneityResult) x));
    }

    static String render(SynthResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Synthetic control for %s, treated from %s (%s)%n%n", r.treated(), r.treatmentTime(), r.estimator()));
        TextTable w = new TextTable(List.of("donor", "weight"));
        r.weights().forEach((k, v) -> {
            if (Math.abs(v) > 0) {
                w.row(List.of(k, String.format(Locale.ROOT, "%.3f", v)));
            }
        });
        sb.append(w.render()).append('\n');
        TextTable b = new TextTable(List.of("predictor", "V", "treated", "synthetic", "donor mean"));
        for (SynthResult.Balance x : r.balance()) {
            Double v = r.predictorWeights().get(x.predictor());
            b.row(List.of(x.predictor(), v == null ? "" : String.format(Locale.ROOT, "%.3f", v), Wording.number(x.treated()),
                    Wording.number(x.synthetic()), Wording.number(x.donorMean())));
        }
        sb.append(b.render()).append('\n');
        sb.append(String.format(Locale.ROOT, "pre-period RMSPE %s, post-period RMSPE %s, average effect %s%s%n",
                Wording.number(r.preRmspe()), Wording.number(r.postRmspe()), Wording.number(r.att()),
                r.relativeAtt() == null ? "" : " (" + Wording.signedPercent(r.relativeAtt()) + ")"));
        if (r.pValue() != null) {
            sb.append(String.format(Locale.ROOT, "placebo rank p = %.4f (%d placebos)%n", r.pValue(), r.placebos().size()));
        }
        if (r.leaveOneOut() != null && !r.leaveOneOut().isEmpty()) {
            sb.append("effect without one donor:");
            r.leaveOneOut().forEach(l -> sb.append("  ").append(l.dropped()).append(' ').append(Wording.number(l.att())));
            sb.append('\n');
        }
        if (r.inTimePlacebo() != null) {
            sb.append(String.format(Locale.ROOT, "in-time placebo (pretend start %s): average gap %s%n", r.inTimePlacebo().time(),
                    Wording.number(r.inTimePlacebo().att())));
        }
        sb.append('\n');
        List<String> head = new ArrayList<>(List.of("time", "actual", "synthetic", "gap"));
        if (r.intervals() != null) {
            head.add("interval");
        }
        TextTable g = new TextTable(head);
        int post = r.gaps().size() - (r.intervals() == null ? 0 : r.intervals().size());
        for (int i = 0; i < r.gaps().size(); i++) {
            SynthResult.Gap x = r.gaps().get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(x.time()), Wording.number(x.actual()), Wording.number(x.synthetic()),
                    Wording.number(x.gap())));
            if (r.intervals() != null) {
                row.add(i < post ? "" : "[" + Wording.number(r.intervals().get(i - post).low()) + ", "
                        + Wording.number(r.intervals().get(i - post).high()) + "]");
            }
            g.row(row);
        }
        sb.append(g.render()).append('\n');
        diagnostics(sb, r.diagnostics());
        sb.append(r.summary()).append('\n');
        return sb.toString();
    }

    static String render(HeterogeneityResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Synthetic control for ").append(r.effects().size()).append(" treated units, treated from ").append(r.treatmentTime()).append("\n\n");
        List<String> head = new ArrayList<>(List.of("treated", "effect", "effect %", "pre RMSPE", "placebo p"));
        head.addAll(r.traits());
        TextTable t = new TextTable(head);
        for (HeterogeneityResult.Effect e : r.effects()) {
            List<String> row = new ArrayList<>(List.of(e.treated(), Wording.number(e.att()),
                    e.relativeAtt() == null ? "" : Wording.signedPercent(e.relativeAtt()), Wording.number(e.preRmspe()),
                    e.pValue() == null ? "" : String.format(Locale.ROOT, "%.3f", e.pValue())));
            e.traits().values().forEach(v -> row.add(Wording.number(v)));
            t.row(row);
        }
        sb.append(t.render()).append('\n');
        if (r.traitModel() != null) {
            traitModel(sb, r.traitModel());
        }
        diagnostics(sb, r.diagnostics());
        sb.append(r.summary()).append('\n');
        return sb.toString();
    }

    private static void traitModel(StringBuilder sb, TraitModel m) {
        if (!m.fitted()) {
            return;
        }
        String level = Wording.confidence(1 - m.level());
        sb.append("Effect per unit of each trait (meta-regression, ").append(level).append(" intervals)\n");
        TextTable c = new TextTable(List.of("term", "estimate", "low", "high", "p"));
        for (TraitModel.Coefficient x : m.coefficients()) {
            c.row(List.of(x.term(), Wording.number(x.estimate()), Wording.number(x.low()), Wording.number(x.high()),
                    String.format(Locale.ROOT, "%.3f", x.pValue())));
        }
        sb.append(c.render()).append('\n');
        sb.append("Candidate units by predicted effect (").append(level).append(" prediction ranges)\n");
        List<String> head = new ArrayList<>(List.of("rank", "unit", "predicted", "low", "high"));
        head.addAll(m.traits());
        TextTable t = new TextTable(head);
        for (TraitModel.Candidate x : m.candidates()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(x.rank()), x.unit(), Wording.number(x.predicted()),
                    Wording.number(x.low()), Wording.number(x.high())));
            x.traits().values().forEach(v -> row.add(Wording.number(v)));
            t.row(row);
        }
        sb.append(t.render()).append('\n');
    }

    private static void diagnostics(StringBuilder sb, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
        }
        if (!diagnostics.isEmpty()) {
            sb.append('\n');
        }
    }
}
