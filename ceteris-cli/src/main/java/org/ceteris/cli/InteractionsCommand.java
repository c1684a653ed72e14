package org.ceteris.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.interactions.InteractionPair;
import org.ceteris.interactions.InteractionsResult;
import org.ceteris.interactions.InteractionsSpec;
import org.ceteris.report.Wording;
import org.ceteris.studies.InteractionsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris interactions}: do concurrent experiments change each other's effects? */
@Command(name = "interactions", mixinStandardHelpOptions = true,
        description = "Interactions between overlapping experiments: each pair of arms, each metric, with false-discovery control.")
public final class InteractionsCommand implements Callable<Integer> {

    @Option(names = "--experiments", required = true, split = ",", paramLabel = "COL_A,COL_B,…",
            description = "columns holding each unit's arm per experiment (empty = not in it)") List<String> experiments = new ArrayList<>();

    @Option(names = "--metric", required = true, split = ",", paramLabel = "COL",
            description = "metric column; repeatable") List<String> metrics = new ArrayList<>();

    @Mixin UnitOption unit;

    @Option(names = "--control", paramLabel = "EXPERIMENT=ARM",
            description = "control arm of an experiment (default 'control', else the first arm in sort order); repeatable")
    List<String> controls = new ArrayList<>();

    @Mixin CorrectionOption correction = new CorrectionOption("bh");

    @Mixin AlphaOption alpha;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Map<String, String> control = new LinkedHashMap<>();
        controls.forEach(c -> control.putAll(InteractionsStudy.parseControl(c)));
        InteractionsSpec s = new InteractionsSpec(experiments, metrics, unit.unit, control,
                correction.value(), alpha.value());
        InteractionsResult result = data.run((engine, source) -> InteractionsStudy.run(engine, source, s));
        return output.print(result, InteractionsCommand::render);
    }

    static String render(InteractionsResult r) {
        TextTable t = new TextTable(List.of("experiments", "metric", "arms", "effect of A | B control", "effect of A | B arm",
                "interaction", "se", "p", "p adj"));
        for (InteractionPair p : r.pairs()) {
            t.row(List.of(p.a() + " x " + p.b(), p.metric(), p.armA() + " x " + p.armB(), Wording.number(p.effectA_whenB_control()),
                    Wording.number(p.effectA_whenB_treated()), Wording.number(p.interaction()), Wording.number(p.se()),
                    String.format(Locale.ROOT, "%.3g", p.pValue()), String.format(Locale.ROOT, "%.3g", p.pAdjusted())));
        }
        return "Interactions between experiments\n\n" + t.render() + '\n' + Output.diagnosticsAndSummary(r);
    }
}
