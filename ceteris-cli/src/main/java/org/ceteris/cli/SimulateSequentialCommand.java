package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.report.Wording;
import org.ceteris.sequential.SequentialSimulation;
import org.ceteris.sequential.SimulationResult;
import org.ceteris.sequential.SimulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris simulate-sequential}: the price and the gain of a sequential design, by simulation. */
@Command(name = "simulate-sequential", mixinStandardHelpOptions = true,
        description = "Simulate a planned experiment: false positives, power, expected sample size and demotions of the "
                + "sequential test against a fixed-horizon test (read once, and read at every look).")
public final class SimulateSequentialCommand implements Callable<Integer> {

    @Option(names = "--arms", required = true, paramLabel = "NAME:EFFECT,…",
            description = "arms and their true effects (mean shifts), e.g. control:0,B:0.02,C:-0.03") String arms;

    @Option(names = "--control", paramLabel = "NAME", description = "control arm (default: 'control', else the first)") String control;

    @Option(names = "--sd", defaultValue = "1", description = "standard deviation of the metric per unit (default ${DEFAULT-VALUE})") double sd;

    @Option(names = "--n-max", required = true, paramLabel = "N", description = "total units over all arms at the last look") long nMax;

    @Option(names = "--looks", defaultValue = "20", paramLabel = "N", description = "equally spaced looks (default ${DEFAULT-VALUE})") int looks;

    @Option(names = "--sims", defaultValue = "2000", paramLabel = "N", description = "simulated experiments (default ${DEFAULT-VALUE})") int sims;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;

    @Mixin SequentialTestOptions test;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        SimulationSpec s = new SimulationSpec(SimulationSpec.parseArms(arms), control, sd, nMax, looks, sims, seed,
                test.method(), test.tuning, test.alpha, test.direction(), test.demote, null);
        SimulationResult result;
        try (Progress progress = Progress.of("simulating", SequentialSimulation.work(s), output.json)) {
            result = SequentialSimulation.run(s, progress);
        }
        return output.print(result, SimulateSequentialCommand::render);
    }

    static String render(SimulationResult r) {
        List<String> header = new ArrayList<>(List.of("design", "false positives", "expected n"));
        SimulationResult.DesignResult first = r.designs().get(0);
        first.power().keySet().forEach(a -> header.add("power " + a));
        boolean demotions = r.designs().stream().anyMatch(d -> d.demotionRate() != null);
        if (demotions) {
            header.add("any demoted");
        }
        TextTable t = new TextTable(header);
        for (SimulationResult.DesignResult d : r.designs()) {
            List<String> row = new ArrayList<>(List.of(d.design(),
                    d.falsePositiveRate() == null ? "n/a" : pm(d.falsePositiveRate(), d.falsePositiveMcse()),
                    String.format(Locale.ROOT, "%,.0f ± %,.0f", d.expectedN(), d.expectedN_mcse())));
            for (Map.Entry<String, Double> p : d.power().entrySet()) {
                row.add(pm(p.getValue(), d.powerMcse().get(p.getKey())));
            }
            if (demotions) {
                row.add(d.anyDemotionRate() == null ? "" : pm(d.anyDemotionRate(), d.anyDemotionMcse()));
            }
            t.row(row);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Simulation: %,d runs, seed %d%n%n", r.sims(), r.seed()));
        sb.append(t.render()).append('\n');
        for (SimulationResult.DesignResult d : r.designs()) {
            if (d.demotionRate() != null) {
                sb.append("demoted (").append(d.design()).append("): ");
                d.demotionRate().forEach((a, v) -> sb.append(a).append(' ').append(Wording.percent(v)).append("  "));
                sb.append('\n');
            }
        }
        return sb.append('\n').append(Output.diagnosticsAndSummary(r)).toString();
    }

    private static String pm(double p, double se) {
        return Wording.percent(p) + " ± " + Wording.percent(se);
    }
}
