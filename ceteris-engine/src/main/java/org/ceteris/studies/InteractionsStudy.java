package org.ceteris.studies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.InteractionInputs;
import org.ceteris.interactions.InteractionDetector;
import org.ceteris.interactions.InteractionsResult;
import org.ceteris.interactions.InteractionsSpec;
import org.ceteris.stats.MultipleTesting;

/** Interaction detection as a study: parameters as the flags of {@code ceteris interactions}. */
public final class InteractionsStudy extends NamedStudyMethod {

    public InteractionsStudy() {
        super("interactions", Set.of("experiments", "metric", "unit", "control", "correction", "alpha"));
    }

    /** The spec from study parameters; {@code control} is a mapping experiment → arm or a list of EXP=ARM. */
    public static InteractionsSpec spec(Params p) {
        Map<String, String> controls = new LinkedHashMap<>();
        Object c = p.asMap().get("control");
        if (c instanceof Map<?, ?> m) {
            m.forEach((k, v) -> controls.put(String.valueOf(k), String.valueOf(v)));
        } else {
            for (String s : p.strings("control")) {
                controls.putAll(parseControl(s));
            }
        }
        return new InteractionsSpec(p.strings("experiments"), p.strings("metric"), p.optString("unit"), controls,
                MultipleTesting.Correction.parse(p.stringOr("correction", "bh")), p.doubleOr("alpha", 0.05));
    }

    /** "EXP=ARM" → {EXP: ARM}. */
    public static Map<String, String> parseControl(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw new CeterisException("control '" + s + "' must look like EXPERIMENT=ARM");
        }
        return Map.of(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }

    /** Reads the cell statistics with the engine and tests every interaction. */
    public static InteractionsResult run(Engine engine, Source source, InteractionsSpec spec) {
        return InteractionDetector.analyze(spec, engine.stableRead(() -> InteractionInputs.load(engine, source, spec)));
    }

    @Override
    public InteractionsResult run(Engine engine, Source source, Params params) {
        params.requireOnly(parameters());
        if (source == null) {
            throw new CeterisException("interactions needs data: give a table or sql");
        }
        return run(engine, source, spec(params));
    }
}
