package org.ceteris.synth;

import java.util.List;
import java.util.Map;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;

/**
 * A synthetic-control fit: the donor weights, the predictor weights, predictor balance, the gap path,
 * placebo inference, conformal intervals, robustness checks, diagnostics and the verdict.
 *
 * @param treatmentTime  the first treated period: a Number (an integer when the times are whole numbers) or an ISO date String
 * @param weights        donor → weight, largest first (classic: exactly ≥ 0, sum 1; below 1e-6 printed as 0)
 * @param att            mean gap over the post-treatment periods
 * @param relativeAtt    the effect relative to the synthetic version: Σ gap / Σ synthetic over the post-treatment periods
 *                       ({@link #relative}); null when the synthetic sum is not positive
 * @param fitLoss        the outcome MSPE over the fit window that V minimises (of the classic weights)
 * @param predictorLoss  Σ v_i (x₁ᵢ − X₀ᵢW)² over the predictors scaled by their standard deviation; null without predictors
 * @param vSearch        what the V search did: starts, inner solves, convergence, starts that reached the best loss
 * @param placebos       in-space placebo fits, null unless requested
 * @param pValue         share of units (treated included) whose post/pre MSPE ratio is at least the treated one's
 * @param intervals      conformal per-period intervals, null unless requested
 * @param estimator      "classic" or "augmented"
 * @param leaveOneOut    refits without each donor of positive weight, null unless placebos were requested
 * @param inTimePlacebo  a fit with a fake earlier treatment time, null unless placebos were requested
 */
public record SynthResult(
        String method,
        String treated,
        Object treatmentTime,
        Map<String, Double> weights,
        Map<String, Double> predictorWeights,
        List<Balance> balance,
        double preRmspe,
        double postRmspe,
        double att,
        Double relativeAtt,
        double fitLoss,
        Double predictorLoss,
        SyntheticControl.Search vSearch,
        List<Gap> gaps,
        List<Placebo> placebos,
        Double pValue,
        List<Interval> intervals,
        String estimator,
        List<LeaveOneOut> leaveOneOut,
        InTimePlacebo inTimePlacebo,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "synthetic_control";

    public SynthResult {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        predictorWeights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(predictorWeights));
        balance = List.copyOf(balance);
        gaps = List.copyOf(gaps);
        placebos = placebos == null ? null : List.copyOf(placebos);
        intervals = intervals == null ? null : List.copyOf(intervals);
        leaveOneOut = leaveOneOut == null ? null : List.copyOf(leaveOneOut);
        diagnostics = List.copyOf(diagnostics);
        if ("classic".equals(estimator)) {
            double sum = 0;
            for (double w : weights.values()) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("classic synthetic-control weights must be non-negative: " + w);
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("classic synthetic-control weights must sum to 1: " + sum);
            }
        }
        if (pValue != null && !(pValue > 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p_value out of range: " + pValue);
        }
    }

    /** A predictor of the treated unit, of its synthetic control and the plain donor average. */
    public record Balance(String predictor, double treated, double synthetic, double donorMean) {
    }

    /** One period (a Number, or an ISO date String for dated panels): the treated outcome, the synthetic one and their difference. */
    public record Gap(Object time, double actual, double synthetic, double gap) {
    }

    /** One placebo unit treated in place of the real one; {@code att} is its average gap after the treatment time. */
    public record Placebo(String unit, double preMspe, double postMspe, double ratio, double att) {
    }

    /** A conformal interval for the effect in one post-treatment period. */
    public record Interval(Object time, double low, double high) {
    }

    /** The fit without one donor. */
    public record LeaveOneOut(String dropped, double att, double preRmspe) {
    }

    /** A fit pretending treatment started earlier, using only pre-treatment data. */
    public record InTimePlacebo(Object time, double att, double preRmspe, double ratio) {
    }

    /**
     * The effect relative to the synthetic version over the treated periods (those at or after
     * {@code treatmentTime}): Σ gap / Σ synthetic, i.e. the mean gap over the synthetic version's mean
     * level, so that +15% reads as "15% more than without the treatment". Null when the synthetic sum
     * is not positive (a relative change of nothing means nothing).
     */
    public static Double relative(List<Gap> gaps, Object treatmentTime) {
        double gap = 0;
        double synthetic = 0;
        for (Gap g : gaps) {
            if (atOrAfter(g.time(), treatmentTime)) {
                gap += g.gap();
                synthetic += g.synthetic();
            }
        }
        return synthetic > 0 ? gap / synthetic : null;
    }

    /** Times are Numbers or ISO dates (which sort as text: YYYY-MM-DD). */
    private static boolean atOrAfter(Object time, Object start) {
        if (time instanceof Number a && start instanceof Number b) {
            return a.doubleValue() >= b.doubleValue();
        }
        return String.valueOf(time).compareTo(String.valueOf(start)) >= 0;
    }

    /** A time as JSON shows it: 1989 rather than 1989.0. */
    public static Number time(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? (Number) Long.valueOf((long) t) : (Number) Double.valueOf(t);
    }
}
