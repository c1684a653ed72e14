package org.ceteris.synth;

import java.util.List;
import java.util.Map;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * The design of the next geo test: for the best set of test units and the runners-up, the power of
 * the synthetic-control placebo test at each effect, estimated by backtests over the history, and the
 * minimum detectable effect at 80% power.
 *
 * @param testUnits     K, units tested together (their mean is the treated unit)
 * @param duration      D, periods of the test
 * @param alpha         a backtest rejects when its placebo p-value is at most alpha
 * @param backtests     number of past test windows simulated per set
 * @param firstStart    the start time of the earliest backtest
 * @param lastStart     the start time of the latest backtest (its window ends at the last time)
 * @param search        "all" (every set of K candidates) or "beam" (see docs/geo-design.md)
 * @param setsEvaluated sets that got the full backtest simulation
 * @param best          the recommended test set
 * @param ranking       the evaluated sets, best first (at most 10)
 * @param powerCurve    the best set's power on a grid of effects from 0, for the chart
 */
public record GeoDesignResult(
        String method,
        String outcome,
        int testUnits,
        int duration,
        double alpha,
        int backtests,
        Number firstStart,
        Number lastStart,
        String search,
        int setsEvaluated,
        TestSet best,
        List<TestSet> ranking,
        List<Power> powerCurve,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "geo_design";

    public GeoDesignResult {
        ranking = List.copyOf(ranking);
        powerCurve = List.copyOf(powerCurve);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The share of backtests whose placebo test rejected with {@code effect} injected. */
    public record Power(double effect, double power) {
    }

    /**
     * A candidate set of test units.
     *
     * @param units          the test units, in name order
     * @param mde            smallest relative lift with power ≥ 0.8 (linear between grid points 0.005 apart); null if none up to +100%
     * @param power          power at each requested effect, in the order given
     * @param falsePositiveRate share of backtests that rejected with no effect injected (the test's size in the past;
     *                          a set above alpha moves differently from its donors and is ranked after those that are not)
     * @param preRmspe       RMSPE of the full-history synthetic-control fit of the set's mean
     * @param relativeRmspe  preRmspe over the mean level of the set's outcome
     * @param weights        donor → weight of that full-history fit, largest first, positive weights only
     */
    public record TestSet(List<String> units, Double mde, List<Power> power, double falsePositiveRate, double preRmspe, double relativeRmspe,
            Map<String, Double> weights) {
        public TestSet {
            units = List.copyOf(units);
            power = List.copyOf(power);
            weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        }
    }
}
