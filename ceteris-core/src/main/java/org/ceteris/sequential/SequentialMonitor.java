package org.ceteris.sequential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ceteris.CeterisException;
import org.ceteris.experiment.Effect;
import org.ceteris.stats.CoMoments;

/**
 * A sequential experiment that is read after every batch of data. Each batch is given as per-arm
 * sufficient statistics ({@link CoMoments}, merged exactly by Chan et al.'s update), so a live
 * service can feed it without re-reading history: an update costs O(K²) for K arms, whatever the
 * number of earlier batches (the monitor keeps the cumulative statistics, the last reading of each
 * comparison for the mSPRT, and the arms' statuses — nothing that grows with the looks).
 *
 * <p>At each look every arm is compared with control by the chosen {@link SequentialTest} at level
 * α/(K−1) (Bonferroni over the K−1 comparisons, so that "some arm differs from control" is wrong with
 * probability ≤ α); p-values are reported Bonferroni-adjusted, so p &lt; α exactly when the interval
 * excludes zero. Until a winner is declared, every pair of active arms is also compared at level
 * α/(K(K−1)/2) and {@link SuccessiveElimination} demotes the arms proven worse (when demotion is on)
 * and looks for a winner; after the winner the decisions are final.
 *
 * <p>Immutable: {@link #update} returns the next monitor, so one monitor can be shared between
 * threads and any look can be kept.
 */
public final class SequentialMonitor {

    /**
     * What a monitor is set up with.
     *
     * @param arms      every arm, control included, in display order
     * @param control   the arm the others are compared with
     * @param kind      the metric family
     * @param method    the test family
     * @param alpha     the family-wise level (two-sided)
     * @param tuning    N* of the sequential tests (units at which the boundary is tightest)
     * @param direction which way is better, for demotion and the winner
     * @param demote    whether arms proven worse are demoted
     */
    public record Settings(List<String> arms, String control, MetricKind kind, SequentialTest.Method method,
                           double alpha, double tuning, Direction direction, boolean demote) {
        public Settings {
            arms = List.copyOf(arms);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(direction, "direction");
            if (arms.size() < 2) {
                throw new CeterisException("a sequential test needs a control and at least one other arm; got "
                        + (arms.isEmpty() ? "none" : "only " + arms.get(0)));
            }
            if (new HashSet<>(arms).size() != arms.size()) {
                throw new CeterisException("arm names must be distinct: " + String.join(", ", arms));
            }
            if (!arms.contains(control)) {
                throw new CeterisException("control '" + control + "' is not one of the arms: " + String.join(", ", arms));
            }
            SequentialTest.check(alpha, tuning);
        }

        /** Level of each arm-against-control interval: α/(K−1). */
        public double controlLevel() {
            return alpha / (arms.size() - 1);
        }

        /** Level of each pairwise interval used for demotion and the winner: α/(K(K−1)/2). */
        public double pairLevel() {
            int k = arms.size();
            return alpha / (k * (k - 1) / 2.0);
        }
    }

    /** An arm's standing at a look. */
    public enum Status {
        ACTIVE, DEMOTED, WINNER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Arm {@code arm} was demoted at {@code look} because {@code by} was proven better; {@code reading} is of (by − arm). */
    public record Demotion(int arm, int by, int look, Reading reading) {
    }

    private final Settings settings;
    private final SequentialTest controlTest;
    private final SequentialTest pairTest;
    private final int control;
    private final int look;
    private final CoMoments[] stats;
    private final Reading[] current;      // per arm against control at this look (null: not estimable)
    private final Reading[] last;         // per arm: the last estimable reading (the mSPRT's running state)
    private final Reading[][] pairs;      // [i][j], i < j: (j − i) at this look among active arms
    private final boolean[] active;
    private final List<Demotion> demotions;
    private final int winner;
    private final int decidedAt;

    private SequentialMonitor(Settings settings, SequentialTest controlTest, SequentialTest pairTest, int look,
                              CoMoments[] stats, Reading[] current, Reading[] last, Reading[][] pairs,
                              boolean[] active, List<Demotion> demotions, int winner, int decidedAt) {
        this.settings = settings;
        this.controlTest = controlTest;
        this.pairTest = pairTest;
        this.control = settings.arms().indexOf(settings.control());
        this.look = look;
        this.stats = stats;
        this.current = current;
        this.last = last;
        this.pairs = pairs;
        this.active = active;
        this.demotions = demotions;
        this.winner = winner;
        this.decidedAt = decidedAt;
    }

    /** A monitor before any data. */
    public static SequentialMonitor start(Settings settings) {
        int k = settings.arms().size();
        CoMoments[] empty = new CoMoments[k];
        java.util.Arrays.fill(empty, CoMoments.EMPTY);
        boolean[] active = new boolean[k];
        java.util.Arrays.fill(active, true);
        return new SequentialMonitor(settings, settings.method().at(settings.controlLevel(), settings.tuning()),
                settings.method().at(settings.pairLevel(), settings.tuning()), 0, empty, new Reading[k],
                new Reading[k], new Reading[k][k], active, List.of(), -1, 0);
    }

    /** The next look after adding one batch (per-arm statistics of the new units only), by arm index. */
    public SequentialMonitor update(CoMoments[] batch) {
        requireLength(batch);
        CoMoments[] next = new CoMoments[stats.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = batch[i] == null ? stats[i] : stats[i].merge(batch[i]);
        }
        return advance(next);
    }

    /** The next look after adding one batch, by arm name; arms missing from the map got no units. */
    public SequentialMonitor update(Map<String, CoMoments> batch) {
        return update(byIndex(batch));
    }

    /** The next look from cumulative statistics (everything so far), by arm index. */
    public SequentialMonitor replace(CoMoments[] cumulative) {
        requireLength(cumulative);
        CoMoments[] next = new CoMoments[stats.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = cumulative[i] == null ? CoMoments.EMPTY : cumulative[i];
        }
        return advance(next);
    }

    /** The next look from cumulative statistics, by arm name. */
    public SequentialMonitor replace(Map<String, CoMoments> cumulative) {
        return replace(byIndex(cumulative));
    }

    private SequentialMonitor advance(CoMoments[] next) {
        int k = next.length;
        MetricKind kind = settings.kind();
        Reading[] now = new Reading[k];
        Reading[] kept = last.clone();
        for (int i = 0; i < k; i++) {
            if (i != control) {
                now[i] = read(controlTest, next[i], next[control], last[i]);
                if (now[i] != null) {
                    kept[i] = now[i];
                }
            }
        }
        int nextLook = look + 1;
        if (winner >= 0) {
            return new SequentialMonitor(settings, controlTest, pairTest, nextLook, next, now, kept, pairs, active,
                    demotions, winner, decidedAt);
        }
        Reading[][] nextPairs = new Reading[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (active[i] && active[j]) {
                    Reading r = read(pairTest, next[j], next[i], pairs[i][j]);
                    nextPairs[i][j] = r != null || pairs[i][j] == null ? r : pairs[i][j];
                }
            }
        }
        SuccessiveElimination.Step step = SuccessiveElimination.step(active, nextPairs, settings.direction(), settings.demote());
        boolean[] nextActive = active;
        List<Demotion> nextDemotions = demotions;
        if (!step.demoted().isEmpty()) {
            nextActive = active.clone();
            List<Demotion> all = new ArrayList<>(demotions);
            for (SuccessiveElimination.Beaten b : step.demoted()) {
                nextActive[b.arm()] = false;
                all.add(new Demotion(b.arm(), b.by(), nextLook, b.reading()));
            }
            nextDemotions = List.copyOf(all);
        }
        return new SequentialMonitor(settings, controlTest, pairTest, nextLook, next, now, kept, nextPairs, nextActive,
                nextDemotions, step.winner(), step.winner() >= 0 ? nextLook : 0);
    }

    /** Null when the two arms cannot yet give a finite, positive standard error. */
    private Reading read(SequentialTest test, CoMoments t, CoMoments r, Reading previous) {
        if (!settings.kind().estimable(t, r)) {
            return null;
        }
        Effect e = settings.kind().effect(t, r);
        if (!(e.se() > 0 && Double.isFinite(e.se()) && Double.isFinite(e.estimate()))) {
            return null;
        }
        return test.read(e, t.n() + r.n(), previous);
    }

    public Settings settings() {
        return settings;
    }

    /** Looks taken so far (0 before the first update). */
    public int look() {
        return look;
    }

    public int arms() {
        return stats.length;
    }

    public int controlIndex() {
        return control;
    }

    /** Cumulative statistics of arm {@code i}. */
    public CoMoments stats(int i) {
        return stats[i];
    }

    /** Units so far in all arms together. */
    public long totalUnits() {
        long n = 0;
        for (CoMoments s : stats) {
            n += s.n();
        }
        return n;
    }

    /** Arm {@code i}'s own value of the metric (mean or ratio); NaN without data. */
    public double value(int i) {
        return settings.kind().value(stats[i]);
    }

    /**
     * Arm {@code i} against control at this look, at level α/(K−1), with the p-value as the test gives
     * it (not adjusted); null for control and while either arm has too little data.
     */
    public Reading againstControl(int i) {
        return current[i];
    }

    /** The p-value of arm {@code i} against control, Bonferroni-adjusted over the K−1 comparisons; NaN when not estimable. */
    public double adjustedP(int i) {
        Reading r = current[i];
        return r == null ? Double.NaN : Math.min(1.0, r.pValue() * (stats.length - 1));
    }

    /** The reading of (arm j − arm i) among active arms at the last look before the decision; null when not read. */
    public Reading pair(int j, int i) {
        return SuccessiveElimination.difference(pairs, j, i);
    }

    public boolean active(int i) {
        return active[i];
    }

    public Status status(int i) {
        if (i == winner) {
            return Status.WINNER;
        }
        return active[i] ? Status.ACTIVE : Status.DEMOTED;
    }

    /** Every demotion so far, in order. */
    public List<Demotion> demotions() {
        return demotions;
    }

    /** The winning arm, or −1 while undecided. */
    public int winner() {
        return winner;
    }

    /** The look at which the winner was declared, or 0. */
    public int decidedAt() {
        return decidedAt;
    }

    /**
     * Thompson-sampling shares of traffic for the next batch: each active arm gets at least
     * {@code floor}; demoted arms get none. Deterministic for a seed. O(K·draws).
     */
    public double[] allocation(double floor, int draws, long seed) {
        int k = stats.length;
        CoMoments pooled = CoMoments.EMPTY;
        for (CoMoments s : stats) {
            pooled = pooled.merge(s);
        }
        double[] mean = new double[k];
        double[] variance = new double[k];
        for (int i = 0; i < k; i++) {
            double[] post = settings.kind().posterior(stats[i], pooled);
            mean[i] = post[0];
            variance[i] = post[1];
        }
        return ThompsonSampling.allocation(mean, variance, active, settings.direction(), floor, draws, seed);
    }

    /** {@link #allocation(double, int, long)} with the 1% floor and 10,000 draws. */
    public double[] allocation(long seed) {
        return allocation(ThompsonSampling.DEFAULT_FLOOR, ThompsonSampling.DEFAULT_DRAWS, seed);
    }

    private void requireLength(CoMoments[] batch) {
        if (batch.length != stats.length) {
            throw new IllegalArgumentException("expected statistics for " + stats.length + " arms, got " + batch.length);
        }
    }

    private CoMoments[] byIndex(Map<String, CoMoments> byName) {
        CoMoments[] out = new CoMoments[stats.length];
        for (var e : byName.entrySet()) {
            int i = settings.arms().indexOf(e.getKey());
            if (i < 0) {
                throw new CeterisException("arm '" + e.getKey() + "' was not declared when the test started; its arms are "
                        + String.join(", ", settings.arms()));
            }
            out[i] = e.getValue();
        }
        return out;
    }
}
