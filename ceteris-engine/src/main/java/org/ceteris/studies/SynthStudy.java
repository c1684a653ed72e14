package org.ceteris.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.TimeScale;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.SynthInputs;
import org.ceteris.report.Wording;
import org.ceteris.result.CeterisResult;
import org.ceteris.synth.Parallel;
import org.ceteris.synth.PredictorSpec;
import org.ceteris.synth.SynthAnalysis;
import org.ceteris.synth.SynthHeterogeneity;
import org.ceteris.synth.SynthPanel;
import org.ceteris.synth.SynthResult;
import org.ceteris.synth.SynthSpec;
import org.ceteris.synth.TraitExpansion;

/**
 * Synthetic control as a study: parameters as the flags of {@code ceteris synth} in snake_case
 * ({@code treatment_time}, {@code fit_window}, {@code mspe_filter} …). One treated unit gives a
 * {@link org.ceteris.synth.SynthResult}; several give a {@link org.ceteris.synth.HeterogeneityResult}.
 */
public final class SynthStudy extends NamedStudyMethod {

    public SynthStudy() {
        super("synth", Set.of("unit", "time", "outcome", "treated", "treatment_time", "predictor", "special", "fit_window", "donors",
                "exclude", "method", "v_search", "placebos", "mspe_filter", "conformal", "alpha", "seed", "traits",
                "train_predictor", "train_special", "train_fit_window", "predict_candidates", "candidates"));
    }

    /**
     * The spec from study parameters; list parameters take YAML lists or comma-separated text.
     * {@code predict_candidates} runs the placebos too: the trait model weighs each city by their spread.
     */
    public static SynthSpec spec(Params p) {
        List<PredictorSpec> predictors = new ArrayList<>();
        p.strings("predictor").forEach(s -> predictors.add(PredictorSpec.parseMean(s)));
        p.strings("special").forEach(s -> predictors.add(PredictorSpec.parseSpecial(s)));
        String tt = p.string("treatment_time");
        TimeScale scale = TimeScale.of(tt);
        double treatmentTime = scale.parse(tt, "--treatment-time");
        double[] window = window(p.optString("fit_window"), "--fit-window", scale);
        Double filter = p.has("mspe_filter") ? p.doubleOr("mspe_filter", Double.NaN) : null;
        SynthSpec.Training training = null;
        double[] trainWindow = window(p.optString("train_fit_window"), "--train-fit-window", scale);
        if (trainWindow != null) {
            List<PredictorSpec> train = new ArrayList<>();
            p.strings("train_predictor").forEach(s -> train.add(PredictorSpec.parseMean(s)));
            p.strings("train_special").forEach(s -> train.add(PredictorSpec.parseSpecial(s)));
            training = new SynthSpec.Training(train, trainWindow[0], trainWindow[1]);
        } else if (p.has("train_predictor") || p.has("train_special")) {
            throw new CeterisException("training predictors need --train-fit-window FROM-TO (the periods whose fit chooses V)");
        }
        return new SynthSpec(p.string("unit"), p.string("time"), p.string("outcome"), p.strings("treated"), treatmentTime,
                predictors, window == null ? null : window[0], window == null ? null : window[1], p.strings("donors"),
                p.strings("exclude"), SynthSpec.Estimator.parse(p.optString("method")), SynthSpec.VSearch.parse(p.optString("v_search")),
                p.flag("placebos") || p.flag("predict_candidates"), filter, p.flag("conformal"), p.doubleOr("alpha", 0.1), p.longOr("seed", 1), p.strings("traits"),
                training, scale);
    }

    /** The "where next?" request ({@code predict_candidates}, optional {@code candidates}), or null. */
    public static TraitExpansion expansion(Params p) {
        if (!p.flag("predict_candidates")) {
            if (p.has("candidates")) {
                throw new CeterisException("--candidates lists the cities to rank: add --predict-candidates");
            }
            return null;
        }
        if (p.has("candidates") && p.strings("candidates").isEmpty()) {
            throw new CeterisException("no candidate cities: --candidates is empty; name them (A,B,…) or leave it out to rank every untreated unit");
        }
        return new TraitExpansion(p.strings("candidates"));
    }

    /**
     * A window {@code FROM-TO} or {@code FROM..TO} of period numbers, or {@code FROM..TO} of dates
     * (written as the treatment time is, {@code scale}), as two times; null when not given.
     */
    public static double[] window(String text, String flag, TimeScale scale) {
        if (text == null) {
            return null;
        }
        String example = scale == TimeScale.DATE ? "FROM..TO, e.g. 2026-01-05..2026-02-23" : "FROM-TO, e.g. 1970-1988";
        String[] ends = PredictorSpec.window(text, flag + " '" + text + "'", example);
        TimeScale written = PredictorSpec.scale(ends[0], ends[1], flag + " '" + text + "'");
        if (written != scale) {
            throw new CeterisException(flag + " '" + text + "' gives " + written.kind() + " but the treatment time is " + scale.kind()
                    + "; write every time the same way");
        }
        return new double[] {scale.parse(ends[0], flag + " '" + text + "': time"), scale.parse(ends[1], flag + " '" + text + "': time")};
    }

    /** Reads the panel with the engine and fits; placebo fits run through {@code parallel}. */
    public static CeterisResult run(Engine engine, Source source, SynthSpec spec, Parallel parallel) {
        return run(engine, source, spec, null, parallel);
    }

    /** As {@link #run(Engine, Source, SynthSpec, Parallel)}, with the trait model and ranked candidates when {@code expansion} is set. */
    public static CeterisResult run(Engine engine, Source source, SynthSpec spec, TraitExpansion expansion, Parallel parallel) {
        if (expansion != null && spec.treated().size() < 2) {
            throw new CeterisException("--predict-candidates learns from several treated cities: give them with --treated A,B,C");
        }
        SynthPanel panel = engine.stableRead(() -> SynthInputs.load(engine, source, spec));
        if (spec.treated().size() == 1) {
            if (!spec.traits().isEmpty()) {
                throw new CeterisException("--traits compares several treated units: give them with --treated A,B,C");
            }
            return SynthAnalysis.analyze(spec, panel, spec.treated().get(0), parallel);
        }
        return SynthHeterogeneity.analyze(spec, panel, expansion, parallel);
    }

    @Override
    public CeterisResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return run(engine, source, spec(params), expansion(params), Parallel.sequential());
    }

    /**
     * The average gap after treatment between the treated unit and its synthetic twin. It has no
     * interval; the verdict comes from the placebo rank at the study's {@code alpha} (default 0.1, as
     * in the summary): a clear change only when placebos ran and few were as extreme. Several treated
     * units have no single number (null: the card shows the summary).
     */
    @Override
    public Headline headline(CeterisResult result, Params params) {
        if (!(result instanceof SynthResult)) {
            return null;
        }
        SynthResult r = (SynthResult) result;
        double alpha = params.doubleOr("alpha", 0.1);
        String verdict;
        if (Headline.hasError(r)) {
            verdict = Headline.CHECK_DATA;
        } else if (r.pValue() == null || r.pValue() > alpha || r.att() == 0) {
            verdict = Headline.NO_CLEAR_EFFECT;
        } else {
            verdict = r.att() > 0 ? Headline.POSITIVE : Headline.NEGATIVE;
        }
        String label = Wording.humanize(params.string("outcome")) + " per period after the change, " + r.treated()
                + " against its synthetic twin" + (r.pValue() == null ? " (no placebo check)" : "");
        return new Headline(label, r.att(), Double.NaN, Double.NaN, false, verdict);
    }
}
