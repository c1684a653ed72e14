package org.ceteris.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.live.LiveSimulation;
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
        if (!scenario.equals("artwork")) {
            throw new CeterisException("unknown scenario '" + scenario + "' for simulate-live; it has: artwork");
        }
        LiveSimulation.Run run = LiveSimulation.run(new LiveSimulation.Spec(LiveSimulation.ARTWORK, days, members, seed, alpha.value()));
        return output.print(run, json(run), SimulateLiveCommand::render);
    }

    static Map<String, Object> json(LiveSimulation.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "simulate_live");
        List<Map<String, Object>> days = new ArrayList<>();
        for (LiveSimulation.Day d : run.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.day());
            day.put("revision", d.revision());
            day.put("exposed", d.exposed());
            day.put("share", d.share());
            day.put("status", d.status());
            day.put("decision", d.decision());
            day.put("demoted_today", d.demotedToday());
            days.add(day);
        }
        m.put("days", days);
        m.put("demoted", List.copyOf(run.demoted()));
        m.put("winner", run.winner());
        m.put("plays_loop", run.playsLoop());
        m.put("plays_fixed", run.playsFixed());
        m.put("bad_arm_exposures_loop", run.badExposuresLoop());
        m.put("bad_arm_exposures_fixed", run.badExposuresFixed());
        m.put("summary", summary(run));
        return m;
    }

    static String summary(LiveSimulation.Run run) {
        return "Demoted: " + (run.demoted().isEmpty() ? "none" : String.join(", ", run.demoted())) + ". The loop gave "
                + run.playsLoop() + " plays against " + run.playsFixed() + " under the fixed allocation on the same members ("
                + (run.playsLoop() - run.playsFixed() >= 0 ? "+" : "") + (run.playsLoop() - run.playsFixed()) + "); exposures to the worse-than-control arms: "
                + run.badExposuresLoop() + " against " + run.badExposuresFixed() + ".";
    }

    static String render(LiveSimulation.Run run) {
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
        sb.append(t.render()).append(summary(run)).append(System.lineSeparator());
        return sb.toString();
    }
}
