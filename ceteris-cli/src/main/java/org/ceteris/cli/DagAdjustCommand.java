package org.ceteris.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ceteris.dag.DagAdjust;
import org.ceteris.dag.DagAdjustResult;
import org.ceteris.dag.DagAdjustSpec;
import org.ceteris.dag.Effect;
import org.ceteris.dag.Instrument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris dag adjust}: the minimal adjustment sets, front-door sets and instruments of an effect. */
@Command(name = "adjust", mixinStandardHelpOptions = true,
        description = "What to adjust for: all minimal adjustment sets, front-door sets and instruments.")
public final class DagAdjustCommand implements Callable<Integer> {

    @Mixin DagOption dag;

    @Option(names = "--exposure", paramLabel = "NODE", description = "exposure (default: the node marked [exposure])") String exposure;

    @Option(names = "--outcome", paramLabel = "NODE", description = "outcome (default: the node marked [outcome])") String outcome;

    @Option(names = "--effect", defaultValue = "total", paramLabel = "total|direct",
            description = "total or direct (default ${DEFAULT-VALUE})") String effect;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        DagAdjustResult r = DagAdjust.analyze(new DagAdjustSpec(dag.read(), exposure, outcome, Effect.parse(effect)));
        return output.print(r, DagAdjustCommand::render);
    }

    static String render(DagAdjustResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.effect()).append(" effect of ").append(r.exposure()).append(" on ").append(r.outcome())
                .append(": ").append(r.identifiable() ? "identifiable" : "not identifiable").append("\n\n");
        sb.append("Minimal adjustment sets:").append(r.minimalSets().isEmpty() ? " none\n" : "\n");
        for (List<String> s : r.minimalSets()) {
            sb.append("  { ").append(String.join(", ", s)).append(" }\n");
        }
        if (!r.frontdoorSets().isEmpty()) {
            sb.append("Front-door sets:\n");
            for (List<String> s : r.frontdoorSets()) {
                sb.append("  { ").append(String.join(", ", s)).append(" }\n");
            }
        }
        if (!r.instruments().isEmpty()) {
            sb.append("Instruments:\n");
            for (Instrument i : r.instruments()) {
                sb.append("  ").append(i.instrument()).append(i.given().isEmpty() ? "" : " given "
                        + i.given().stream().collect(Collectors.joining(", "))).append('\n');
            }
        }
        sb.append('\n');
        DagCommand.diagnostics(sb, r.diagnostics());
        return sb.append(r.summary()).append('\n').toString();
    }
}
