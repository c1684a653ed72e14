package org.ceteris.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.ceteris.CeterisException;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.sequential.Direction;
import org.ceteris.sequential.SequentialAnalysis;
import org.ceteris.sequential.SequentialInput;
import org.ceteris.sequential.SequentialResult;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.sequential.SequentialTest;
import org.ceteris.stats.CoMoments;

/**
 * The live loop simulated day by day: each day new members arrive and are assigned through the
 * current assignment config exactly as {@code /api/assign} does (the config read back from its YAML,
 * an {@link Assigner} over it); each exposed member plays with the true rate of the arm it sees; the
 * sequential study (always-valid confidence sequences, demotion on) looks at every day so far; its
 * demotions write the next revision ({@link ExperimentConfig#without}) used from the next day on.
 * Members of a demoted arm's range fall back to the default experience, which plays at control's
 * rate. Every member draws one uniform number, so the same members under a fixed allocation (the
 * first revision all along) give the plays the loop is compared with. Cost per run: days × members
 * hashes plus days sequential looks over at most days batches.
 */
public final class LiveSimulation {

    /** The artwork scenario's true play rates, control first (the same as {@code ArtworkScenario}). */
    public static final Map<String, Double> ARTWORK = artwork();

    private static Map<String, Double> artwork() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("control", 0.10);
        m.put("bold_title", 0.07);
        m.put("dark_moody", 0.075);
        m.put("lead_closeup", 0.12);
        m.put("ensemble", 0.10);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What to simulate: true rates (control first), days, members arriving per day, seed, α. */
    public record Spec(Map<String, Double> rates, int days, int membersPerDay, long seed, double alpha) {
        public Spec {
            rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
            if (rates.size() < 2 || !rates.containsKey("control")) {
                throw new CeterisException("give a control and at least one other arm");
            }
            if (days < 1 || days > 366) {
                throw new CeterisException("--days must be from 1 to 366, got " + days);
            }
            if (membersPerDay < 10) {
                throw new CeterisException("--members-per-day must be at least 10, got " + membersPerDay);
            }
        }
    }

    /** One simulated day: per arm the members exposed, their share, the arm's status after the look. */
    public record Day(int day, int revision, Map<String, Long> exposed, Map<String, Double> share, Map<String, String> status,
                      String decision, List<String> demotedToday) {
    }

    /** A whole run, with plays under the loop and under the fixed allocation on the same members. */
    public record Run(List<Day> days, Set<String> demoted, String winner, long playsLoop, long playsFixed,
                      long badExposuresLoop, long badExposuresFixed) {
    }

    private LiveSimulation() {
    }

    public static Run run(Spec spec) {
        List<String> arms = new ArrayList<>(spec.rates().keySet());
        AssignConfig config = new AssignConfig(List.of(), List.of(new ExperimentConfig("artwork-row", arms, null, 1.0, null, 2,
                "artwork-row", null, Map.of())));
        Assigner fixed = new Assigner(config);
        double control = spec.rates().get("control");
        Set<String> bad = new TreeSet<>();
        spec.rates().forEach((a, r) -> {
            if (r < control) {
                bad.add(a);
            }
        });
        SequentialSpec seq = new SequentialSpec("variant", "control", SequentialSpec.metric("played", null, null), "day",
                SequentialSpec.schedule(null, 1.0, null), SequentialTest.Method.parse("cs"), SequentialSpec.DEFAULT_TUNING,
                spec.alpha(), Direction.parse("higher"), true, null);
        Random rnd = new Random(spec.seed());
        List<SequentialInput.Batch> batches = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Set<String> demoted = new LinkedHashSet<>();
        int revision = 1;
        long playsLoop = 0;
        long playsFixed = 0;
        long badLoop = 0;
        long badFixed = 0;
        String winner = null;
        for (int d = 1; d <= spec.days(); d++) {
            // exactly what /api/assign serves: the current file's text, parsed
            Assigner live = new Assigner(AssignConfigYaml.parse(AssignConfigYaml.write(config), AssignmentFile.FILE));
            Map<String, CoMoments> stats = new LinkedHashMap<>();
            Map<String, Long> exposed = new LinkedHashMap<>();
            arms.forEach(a -> exposed.put(a, 0L));
            for (int i = 0; i < spec.membersPerDay(); i++) {
                String member = "m" + spec.seed() + "-" + d + "-" + i;
                double u = rnd.nextDouble();
                int original = fixed.variationIndex(0, member, null);
                String fixedArm = arms.get(original);
                playsFixed += u < spec.rates().get(fixedArm) ? 1 : 0;
                badFixed += bad.contains(fixedArm) ? 1 : 0;
                int now = live.variationIndex(0, member, null);
                if (now < 0) {
                    playsLoop += u < control ? 1 : 0; // the default experience; not exposed, not analysed
                    continue;
                }
                String arm = arms.get(now);
                int played = u < spec.rates().get(arm) ? 1 : 0;
                playsLoop += played;
                badLoop += bad.contains(arm) ? 1 : 0;
                exposed.merge(arm, 1L, Long::sum);
                stats.merge(arm, CoMoments.EMPTY.add(played, 0), CoMoments::merge);
            }
            String time = java.time.LocalDate.of(2026, 1, 1).plusDays(d - 1).toString();
            batches.add(new SequentialInput.Batch(d, time, stats));
            SequentialResult r = SequentialAnalysis.analyze(seq, new SequentialInput(new ArrayList<>(new TreeSet<>(arms)), batches,
                    List.of(), 0, 0, 0));
            List<String> today = new ArrayList<>();
            for (SequentialResult.Demotion dm : r.decision().demoted()) {
                if (demoted.add(dm.variant())) {
                    today.add(dm.variant());
                }
            }
            winner = r.decision().winner();
            long total = exposed.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> share = new LinkedHashMap<>();
            Map<String, String> status = new LinkedHashMap<>();
            SequentialResult.Look last = r.looks().get(r.looks().size() - 1);
            for (String a : arms) {
                share.put(a, total == 0 ? 0 : exposed.get(a) / (double) total);
                status.put(a, demoted.contains(a) ? "demoted" : a.equals(winner) ? "winner" : "active");
            }
            days.add(new Day(d, revision, exposed, share, status, r.decision().status(), today));
            if (!today.isEmpty()) {
                ExperimentConfig e = config.experiment("artwork-row").without(today);
                config = new AssignConfig(List.of(), List.of(e));
                revision++;
            }
            if (last == null) {
                break;
            }
        }
        return new Run(days, demoted, winner, playsLoop, playsFixed, badLoop, badFixed);
    }
}
