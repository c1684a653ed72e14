package org.ceteris.sequential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ceteris.report.SimulationVerdict;
import org.ceteris.result.Diagnostic;
import org.ceteris.result.DiagnosticCode;
import org.ceteris.stats.CoMoments;

/**
 * Planning by simulation: runs a planned experiment many times on normal data with known effects and
 * reports, for the sequential test and for the fixed-horizon test at n-max (read once, and read at
 * every look), how often a true-null arm is declared different from control, each arm's power, the
 * expected number of units when the run stops and how often each arm is demoted.
 *
 * <p>Each run looks after every n-max/looks units; the units of a look are split evenly over the arms
 * still in the test (demoted arms' traffic moves to the active ones). The sequential and peeking
 * designs stop at the first look with a winner ({@link SuccessiveElimination}); an arm is "declared
 * different" when its interval against control excluded zero at some look up to the stop. A look's
 * data are drawn as sufficient statistics ({@link NormalBatches}), so a run costs O(looks × K²).
 * Run i draws from its own generator, seeded from (seed, i), and each arm from its own stream of it:
 * the result does not depend on the number of threads, and the designs see the same data while their
 * allocations agree.
 */
public final class SequentialSimulation {

    private SequentialSimulation() {
    }

    /** Simulates without reporting progress. */
    public static SimulationResult run(SimulationSpec spec) {
        return run(spec, i -> { });
    }

    /**
     * @param progress told of each finished run (by how many runs), from any thread; the total is
     *                 {@link #work(SimulationSpec)}
     */
    public static SimulationResult run(SimulationSpec spec, IntConsumer progress) {
        List<String> arms = new ArrayList<>(spec.effects().keySet());
        List<SimulationResult.DesignResult> designs = new ArrayList<>();
        for (SimulationSpec.Design design : spec.designs()) {
            Outcome[] outcomes = new Outcome[spec.sims()];
            IntStream.range(0, spec.sims()).parallel().forEach(i -> {
                outcomes[i] = simulate(spec, arms, design, i);
                progress.accept(1);
            });
            designs.add(summarise(spec, arms, design, outcomes));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (nullArms(spec, arms).isEmpty()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.NO_NULL_ARM, "Every arm has a true effect, so no false-positive "
                    + "rate can be measured; give an arm an effect of 0 to see it."));
        }
        String summary = SimulationVerdict.write(spec, designs);
        return new SimulationResult(SimulationResult.METHOD, spec.sims(), spec.seed(), designs, diagnostics, summary);
    }

    /** Runs to simulate in all: sims × designs. */
    public static long work(SimulationSpec spec) {
        return (long) spec.sims() * spec.designs().size();
    }

    /** One run's outcome: which arms were declared different from control, which were demoted, units used. */
    record Outcome(boolean[] declared, boolean[] demoted, long units) {
    }

    static Outcome simulate(SimulationSpec spec, List<String> arms, SimulationSpec.Design design, int run) {
        int k = arms.size();
        double[] mu = new double[k];
        for (int i = 0; i < k; i++) {
            mu[i] = spec.effects().get(arms.get(i));
        }
        SplittableRandom root = new SplittableRandom(mix(spec.seed(), run));
        SplittableRandom[] streams = new SplittableRandom[k];
        for (int i = 0; i < k; i++) {
            streams[i] = root.split();
        }
        SequentialTest.Method method = design == SimulationSpec.Design.SEQUENTIAL ? spec.method() : SequentialTest.Method.FIXED;
        boolean demote = spec.demote() && design != SimulationSpec.Design.FIXED;
        SequentialMonitor m = SequentialMonitor.start(new SequentialMonitor.Settings(arms, spec.control(), MetricKind.MEAN,
                method, spec.alpha(), spec.tuning(), spec.direction(), demote));
        boolean[] declared = new boolean[k];
        int looks = design == SimulationSpec.Design.FIXED ? 1 : spec.looks();
        for (int look = 1; look <= looks && m.winner() < 0; look++) {
            long units = Math.floorDiv(look * spec.nMax(), looks) - Math.floorDiv((look - 1) * spec.nMax(), looks);
            m = m.update(batch(m, streams, mu, spec.sd(), units, look));
            for (int i = 0; i < k; i++) {
                Reading r = m.againstControl(i);
                declared[i] |= r != null && r.sign() != 0;
            }
        }
        boolean[] demoted = new boolean[k];
        for (int i = 0; i < k; i++) {
            demoted[i] = !m.active(i);
        }
        return new Outcome(declared, demoted, m.totalUnits());
    }

    /** This look's units split evenly over the active arms; the remainder goes round the arms look by look. */
    private static CoMoments[] batch(SequentialMonitor m, SplittableRandom[] streams, double[] mu, double sd, long units, int look) {
        int k = streams.length;
        int active = 0;
        for (int i = 0; i < k; i++) {
            active += m.active(i) ? 1 : 0;
        }
        long base = units / active;
        long extra = units % active;
        CoMoments[] out = new CoMoments[k];
        int slot = 0;
        for (int i = 0; i < k; i++) {
            if (!m.active(i)) {
                continue;
            }
            long share = base + (Math.floorMod(slot - look, active) < extra ? 1 : 0);
            slot++;
            out[i] = NormalBatches.batch(streams[i], mu[i], sd, share);
        }
        return out;
    }

    private static SimulationResult.DesignResult summarise(SimulationSpec spec, List<String> arms, SimulationSpec.Design design,
                                                           Outcome[] outcomes) {
        int k = arms.size();
        int control = arms.indexOf(spec.control());
        List<Integer> nulls = nullArms(spec, arms);
        double sims = outcomes.length;
        long falsePositives = 0;
        long anyDemoted = 0;
        long[] declared = new long[k];
        long[] demoted = new long[k];
        double sumN = 0;
        double sumN2 = 0;
        for (Outcome o : outcomes) {
            boolean fp = false;
            boolean dem = false;
            for (int i = 0; i < k; i++) {
                declared[i] += o.declared()[i] ? 1 : 0;
                demoted[i] += o.demoted()[i] ? 1 : 0;
                fp |= nulls.contains(i) && o.declared()[i];
                dem |= o.demoted()[i];
            }
            falsePositives += fp ? 1 : 0;
            anyDemoted += dem ? 1 : 0;
            sumN += o.units();
            sumN2 += (double) o.units() * o.units();
        }
        Map<String, Double> power = new LinkedHashMap<>();
        Map<String, Double> powerMcse = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            if (i != control && !nulls.contains(i)) {
                power.put(arms.get(i), declared[i] / sims);
                powerMcse.put(arms.get(i), mcse(declared[i], sims));
            }
        }
        boolean demotes = spec.demote() && design != SimulationSpec.Design.FIXED;
        Map<String, Double> demotion = null;
        Map<String, Double> demotionMcse = null;
        if (demotes) {
            demotion = new LinkedHashMap<>();
            demotionMcse = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                demotion.put(arms.get(i), demoted[i] / sims);
                demotionMcse.put(arms.get(i), mcse(demoted[i], sims));
            }
        }
        double meanN = sumN / sims;
        double varN = sims > 1 ? Math.max(0, (sumN2 - sims * meanN * meanN) / (sims - 1)) : 0;
        return new SimulationResult.DesignResult(design.label(),
                nulls.isEmpty() ? null : falsePositives / sims, nulls.isEmpty() ? null : mcse(falsePositives, sims),
                power, meanN, demotion, powerMcse, Math.sqrt(varN / sims), demotionMcse,
                demotes ? anyDemoted / sims : null, demotes ? mcse(anyDemoted, sims) : null);
    }

    private static List<Integer> nullArms(SimulationSpec spec, List<String> arms) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            if (!arms.get(i).equals(spec.control()) && spec.effects().get(arms.get(i)) == spec.effects().get(spec.control()).doubleValue()) {
                out.add(i);
            }
        }
        return out;
    }

    private static double mcse(long hits, double sims) {
        double p = hits / sims;
        return Math.sqrt(p * (1 - p) / sims);
    }

    /** SplitMix64's finaliser over (seed, run): independent-looking seeds for neighbouring runs. */
    static long mix(long seed, int run) {
        long z = seed + 0x9E3779B97F4A7C15L * (run + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
