package org.ceteris.cli;

import java.io.PrintWriter;
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
import org.ceteris.result.Diagnostic;
import org.ceteris.stats.MultipleTesting;
import org.ceteris.studies.InteractionsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris interactions}: do concurrent experiments change each other's effects? */
@Command(name = "interactions", mixinStandardHelpOptions = true,
        description = "Interactions between overlapping experiments: each pair of arms, each metric, with false-discovery control.")
public final class InteractionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--experiments", required = true, split = ",", paramLabel = "COL_A,COL_B,…",
            description = "columns holding each unit's arm per experiment (empty = not in it)")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--metric", required = true, split = ",", paramLabel = "COL", description = "metric column; repeatable")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "COL", description = "unit column: rows are summed per unit first")
    String unit;

    @Option(names = "--control", paramLabel = "EXPERIMENT=ARM",
            description = "control arm of an experiment (default 'control', else the first arm in sort order); repeatable")
    List<String> controls = new ArrayList<>();

    @Option(names = "--correction", defaultValue = "bh", description = "bh, holm or none (default ${DEFAULT-VALUE})")
    String correction;

    @Option(names = "--alpha", defaultValue = "0.05", description = "level for flagging interactions (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Map<String, String> control = new LinkedHashMap<>();
        controls.forEach(c -> control.putAll(InteractionsStudy.parseControl(c)));
        InteractionsSpec s = new InteractionsSpec(experiments, metrics, unit, control,
                MultipleTesting.Correction.parse(correction), alpha);
        InteractionsResult result;
        try (DataOptions.Opened opened = data.open()) {
            result = InteractionsStudy.run(opened.engine(), opened.source(), s);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, result);
        } else {
            out.print(render(result));
            out.flush();
        }
        return 0;
    }

    static String render(InteractionsResult r) {
        TextTable t = new TextTable(List.of("experiments", "metric", "arms", "effect of A | B control", "effect of A | B arm",
                "interaction", "se", "p", "p adj"));
        for (InteractionPair p : r.pairs()) {
            t.row(List.of(p.a() + " x " + p.b(), p.metric(), p.armA() + " x " + p.armB(), Wording.number(p.effectA_whenB_control()),
                    Wording.number(p.effectA_whenB_treated()), Wording.number(p.interaction()), Wording.number(p.se()),
                    String.format(Locale.ROOT, "%.3g", p.pValue()), String.format(Locale.ROOT, "%.3g", p.pAdjusted())));
        }
        StringBuilder sb = new StringBuilder("Interactions between experiments\n\n").append(t.render()).append('\n');
        for (Diagnostic d : r.diagnostics()) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ")
                    .append(d.message()).append('\n');
        }
        if (!r.diagnostics().isEmpty()) {
            sb.append('\n');
        }
        return sb.append(r.summary()).append('\n').toString();
    }
}
