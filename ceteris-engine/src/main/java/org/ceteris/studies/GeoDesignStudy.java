package org.ceteris.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.SynthInputs;
import org.ceteris.result.CeterisResult;
import org.ceteris.synth.GeoDesign;
import org.ceteris.synth.GeoDesignSpec;
import org.ceteris.synth.Parallel;
import org.ceteris.synth.SynthPanel;
import org.ceteris.synth.SynthSpec;

/**
 * The design of the next geo test as a study ({@code method: geo-design}): parameters as the flags of
 * {@code ceteris geo-design} in snake_case ({@code test_units}, {@code duration}, {@code effects},
 * {@code candidates}, {@code alpha}, {@code seed}, {@code max_sets}). The panel is read as
 * {@code synth} reads it (balanced, one row per unit and time).
 */
public final class GeoDesignStudy extends NamedStudyMethod {

    /** Sets given the full backtest simulation unless {@code max_sets} says otherwise. */
    public static final int DEFAULT_MAX_SETS = 60;

    public GeoDesignStudy() {
        super("geo-design", Set.of("unit", "time", "outcome", "test_units", "duration", "effects", "candidates", "alpha", "seed",
                "max_sets"));
    }

    public static GeoDesignSpec spec(Params p) {
        if (!p.has("test_units")) {
            throw new CeterisException("give the number of units to test together with --test-units K");
        }
        if (!p.has("duration")) {
            throw new CeterisException("give the length of the test in periods with --duration D");
        }
        return new GeoDesignSpec(p.string("unit"), p.string("time"), p.string("outcome"), (int) p.longOr("test_units", 1),
                (int) p.longOr("duration", 1), effects(p.strings("effects")), p.strings("candidates"), p.doubleOr("alpha", 0.1),
                p.longOr("seed", 1), (int) p.longOr("max_sets", DEFAULT_MAX_SETS));
    }

    /** Relative lifts: {@code 0.05} or {@code 5%}. */
    static List<Double> effects(List<String> texts) {
        List<Double> out = new ArrayList<>();
        for (String s : texts) {
            String t = s.strip();
            boolean percent = t.endsWith("%");
            try {
                double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).strip() : t);
                out.add(percent ? v / 100 : v);
            } catch (NumberFormatException e) {
                throw new CeterisException("--effects: '" + s + "' is not a number; give relative lifts such as 0.05,0.10 (or 5%,10%)");
            }
        }
        return out;
    }

    /** Reads the panel with the engine and runs the backtests through {@code parallel}. */
    public static CeterisResult run(Engine engine, Source source, GeoDesignSpec spec, Parallel parallel) {
        SynthSpec read = new SynthSpec(spec.unit(), spec.time(), spec.outcome(), List.of("(test set)"), Double.MAX_VALUE, List.of(), null,
                null, List.of(), List.of(), null, null, false, null, false, spec.alpha(), spec.seed(), List.of());
        SynthPanel panel = engine.stableRead(() -> SynthInputs.load(engine, source, read));
        return GeoDesign.design(spec, panel, parallel);
    }

    @Override
    public CeterisResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        return run(engine, source, spec(params), Parallel.sequential());
    }

    /** No single number: the card shows the summary (the recommended set, its power and MDE). */
    @Override
    public Headline headline(CeterisResult result) {
        return null;
    }
}
