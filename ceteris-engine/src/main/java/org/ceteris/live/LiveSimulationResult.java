package org.ceteris.live;

import java.util.List;
import java.util.Locale;
import org.ceteris.CeterisException;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * The live loop simulated day by day, as {@code ceteris simulate-live --json} prints it and a
 * {@code method: simulate-live} study stores it: per day the revision of the assignment config in
 * force, each arm's exposures, traffic share and status after the look; the arms demoted, the winner,
 * and plays under the loop against a fixed allocation on the same simulated members.
 *
 * @param scenario      the scenario whose true rates drove the simulation
 * @param days          one entry per simulated day
 * @param demoted       arms demoted, in the order they were
 * @param winner        the arm declared the winner, or null
 * @param playsLoop     plays of all members under the loop's allocation
 * @param playsFixed    plays of the same members under the fixed (never revised) allocation
 * @param badArmExposuresLoop  exposures to arms worse than control under the loop
 * @param badArmExposuresFixed the same under the fixed allocation
 */
public record LiveSimulationResult(String method, String scenario, List<LiveSimulation.Day> days, List<String> demoted, String winner,
        long playsLoop, long playsFixed, long badArmExposuresLoop, long badArmExposuresFixed, List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "simulate_live";

    /** The scenarios there are true rates for. */
    public static final List<String> SCENARIOS = List.of("artwork");

    public LiveSimulationResult {
        days = List.copyOf(days);
        demoted = List.copyOf(demoted);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Simulates {@code scenario} (one of {@link #SCENARIOS}) with the given days, members per day, seed and α. */
    public static LiveSimulationResult simulate(String scenario, int days, int membersPerDay, long seed, double alpha) {
        if (!SCENARIOS.contains(scenario)) {
            throw new CeterisException("unknown scenario '" + scenario + "' for simulate-live; it has: " + String.join(", ", SCENARIOS));
        }
        LiveSimulation.Run run = LiveSimulation.run(new LiveSimulation.Spec(LiveSimulation.ARTWORK, days, membersPerDay, seed, alpha));
        return new LiveSimulationResult(METHOD, scenario, run.days(), List.copyOf(run.demoted()), run.winner(), run.playsLoop(),
                run.playsFixed(), run.badExposuresLoop(), run.badExposuresFixed(), List.of(), summary(run));
    }

    static String summary(LiveSimulation.Run run) {
        long gain = run.playsLoop() - run.playsFixed();
        String demoted = run.demoted().isEmpty() ? "No arm was demoted" : "Demoted: " + String.join(", ", run.demoted())
                + " (each left the experiment the day after the look that found it worse, and its members saw the default from then on)";
        return demoted + (run.winner() == null ? "" : "; winner: " + run.winner()) + ". Over " + run.days().size()
                + " days the loop gave " + String.format(Locale.ROOT, "%,d", run.playsLoop()) + " plays against "
                + String.format(Locale.ROOT, "%,d", run.playsFixed()) + " under a fixed allocation on the same members ("
                + (gain >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%,d", Math.abs(gain)) + "); exposures to the arms worse than control: "
                + String.format(Locale.ROOT, "%,d", run.badExposuresLoop()) + " against " + String.format(Locale.ROOT, "%,d", run.badExposuresFixed()) + ".";
    }
}
