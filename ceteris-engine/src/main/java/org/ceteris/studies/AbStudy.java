package org.ceteris.studies;

import java.util.List;
import java.util.Set;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbResult;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.experiment.Comparison;
import org.ceteris.experiment.MetricResult;
import org.ceteris.experiment.Scorecard;
import org.ceteris.inputs.AbInputs;
import org.ceteris.report.Wording;
import org.ceteris.result.CeterisResult;
import org.ceteris.stats.MultipleTesting;

/** The A/B/n scorecard as a study: parameters as the flags of {@code ceteris ab}. */
public final class AbStudy extends NamedStudyMethod {

    public AbStudy() {
        super("ab", DecisionParams.plus(Set.of("variant", "control", "unit", "metric", "ratio", "covariate",
                "quantile", "split", "alpha", "correction", "exposures", "metrics", "cuped", "slices", "slice_correction")));
    }

    /** The decision's parameters (directions, guardrails, inference, plan), which every scorecard takes. */
    public static List<String> decisionParameters() {
        return DecisionParams.KEYS;
    }

    /** The spec from study parameters; {@code metric}, {@code ratio} and {@code covariate} take lists. */
    public static AbSpec spec(Params p) {
        AbSpecBuilder b = options(p, new AbSpecBuilder().variant(p.string("variant")).unit(p.optString("unit")));
        p.strings("metric").forEach(b::metric);
        p.strings("ratio").forEach(b::ratio);
        p.strings("quantile").forEach(b::quantile);
        p.strings("covariate").forEach(b::covariate);
        return b.build();
    }

    /** The parameters every scorecard takes, whatever its data: control, alpha, correction, decision and split. */
    public static AbSpecBuilder options(Params p, AbSpecBuilder b) {
        b.control(p.optString("control")).alpha(p.doubleOr("alpha", 0.05))
                .correction(MultipleTesting.Correction.parse(p.stringOr("correction", "holm")))
                .decision(DecisionParams.spec(p));
        if (p.has("split")) {
            Object s = p.asMap().get("split");
            if (s instanceof java.util.Map<?, ?> m) {
                StringBuilder text = new StringBuilder();
                m.forEach((k, v) -> text.append(text.length() > 0 ? "," : "").append(k).append('=').append(v));
                b.split(text.toString());
            } else {
                b.split(String.valueOf(s));
            }
        }
        return b;
    }

    /** Reads the sufficient statistics with the engine and computes the scorecard. */
    public static AbResult run(Engine engine, Source source, AbSpec spec) {
        return Scorecard.analyze(spec, engine.stableRead(() -> AbInputs.load(engine, source, spec)));
    }

    /**
     * The first metric's comparison with the largest change that is clear of zero (else the first
     * comparison), as a relative lift with its interval.
     */
    @Override
    public Headline headline(CeterisResult result) {
        AbResult r = result instanceof org.ceteris.metrics.MetricsResult m ? m.ab() : (AbResult) result;
        if (r.metrics().isEmpty() || r.metrics().get(0).comparisons().isEmpty()) {
            return null;
        }
        MetricResult m = r.metrics().get(0);
        Comparison best = m.comparisons().get(0);
        for (Comparison c : m.comparisons()) {
            boolean clear = c.significant(r.alpha());
            if (clear && (!best.significant(r.alpha()) || Math.abs(c.relative()) > Math.abs(best.relative()))) {
                best = c;
            }
        }
        String verdict = r.srm().mismatch() || Headline.hasError(result) ? Headline.CHECK_DATA
                : !best.significant(r.alpha()) ? Headline.NO_CLEAR_EFFECT
                : best.estimate() > 0 ? Headline.POSITIVE : Headline.NEGATIVE;
        Headline h = new Headline(Wording.humanize(m.metric()) + ", " + best.variant() + " vs " + best.control(),
                best.relative(), best.relativeCiLow(), best.relativeCiHigh(), true, verdict);
        // over raw logs each metric says which direction is good: the badge follows it
        return result instanceof org.ceteris.metrics.MetricsResult mr ? h.withBetter(mr.metrics().get(0).better()) : h;
    }

    @Override
    public AbResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        if (params.has("exposures")) {
            throw new org.ceteris.CeterisException("a study with 'exposures:' runs in a workspace, whose ceteris.yaml defines its sources and metrics");
        }
        return run(engine, source, spec(params));
    }
}
