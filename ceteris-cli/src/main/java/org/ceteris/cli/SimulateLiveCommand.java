package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.live.LiveSimulation;
import org.ceteris.live.LiveSimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ceteris simulate-live}: the live loop simulated day by day (members assigned through the
 * current assignment config, plays from the scenario's true rates, the sequential look, demotions
 * revising the config for the next day), printed as each day's traffic share and status per arm.
 */
@Command(name = "simulate-live", mixinStandardHelpOptions = true,
        description = "Simulate the live loop (assign, play, look, demote, revise) day by day on a scenario's true rates.")
public final class SimulateLiveCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "artwork", description = "the scenario whose true rates are used: artwork (default)") String scenario;

    @Option(names = "--days", defaultValue = "21", description = "simulated days (default ${DEFAULT-VALUE})") int days;

    @Option(names = "--members-per-day", defaultValue = "5000", paramLabel = "N",
            description = "members arriving each day (default ${DEFAULT-VALUE})") int members;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})") long seed;

    @Mixin AlphaOption alpha;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        LiveSimulationResult run = LiveSimulationResult.simulate(scenario, days, members, seed, alpha.value());
        return output.print(run, SimulateLiveCommand::render);
    }

    static String render(LiveSimulationResult run) {
        StringBuilder sb = new StringBuilder();
        List<String> arms = new ArrayList<>(run.days().get(0).share().keySet());
        List<String> header = new ArrayList<>(List.of("day", "rev"));
        header.addAll(arms);
        header.add("decision");
        TextTable t = new TextTable(header);
        for (LiveSimulation.Day d : run.days()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(d.day()), String.valueOf(d.revision())));
            for (String a : arms) {
                String s = d.status().get(a);
                row.add(String.format("%.1f%%%s", 100 * d.share().get(a), s.equals("active") ? "" : " " + s));
            }
            row.add(d.decision() + (d.demotedToday().isEmpty() ? "" : " (demoted " + String.join(", ", d.demotedToday()) + ")"));
            t.row(row);
        }
        sb.append(t.render()).append(run.summary()).append(System.lineSeparator());
        return sb.toString();
    }
}
