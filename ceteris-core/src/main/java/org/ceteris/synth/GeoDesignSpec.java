package org.ceteris.synth;

import java.util.List;
import org.ceteris.CeterisException;

/**
 * What {@code ceteris geo-design} needs besides its data: which cities may be tested, how many at once,
 * for how long, and which effects to report the power of.
 *
 * @param testUnits  K, the number of units treated together in the planned test
 * @param duration   D, the number of periods the planned test lasts
 * @param effects    relative lifts (0.05 = +5%) whose power is reported
 * @param candidates units that may be tested; empty means every unit
 * @param alpha      a backtest rejects when its placebo p-value is at most alpha (0.1, synthetic control's convention)
 * @param seed       seed of the random test sets added to the search when there are too many sets to try them all
 * @param maxSets    at most this many test sets get the full backtest simulation
 */
public record GeoDesignSpec(String unit, String time, String outcome, int testUnits, int duration, List<Double> effects,
        List<String> candidates, double alpha, long seed, int maxSets) {

    /** Effects reported when none are given. */
    public static final List<Double> DEFAULT_EFFECTS = List.of(0.05, 0.10, 0.15);

    public GeoDesignSpec {
        for (String[] c : new String[][] {{unit, "--unit"}, {time, "--time"}, {outcome, "--outcome"}}) {
            if (c[0] == null || c[0].isBlank()) {
                throw new CeterisException("name the column with " + c[1]);
            }
        }
        if (testUnits < 1) {
            throw new CeterisException("--test-units must be at least 1, got " + testUnits);
        }
        if (duration < 1) {
            throw new CeterisException("--duration must be at least 1 period, got " + duration);
        }
        effects = effects == null || effects.isEmpty() ? DEFAULT_EFFECTS : List.copyOf(effects);
        for (double e : effects) {
            if (!Double.isFinite(e) || e <= -1) {
                throw new CeterisException("--effects are relative lifts above -1 (0.05 = +5%), got " + e);
            }
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (candidates.stream().distinct().count() != candidates.size()) {
            throw new CeterisException("--candidates names a unit twice");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if (maxSets < 1) {
            throw new CeterisException("--max-sets must be at least 1, got " + maxSets);
        }
    }
}
