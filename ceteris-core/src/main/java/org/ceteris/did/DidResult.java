package org.ceteris.did;

import java.util.List;
import org.ceteris.result.CeterisResult;
import org.ceteris.result.Diagnostic;
import org.ceteris.stats.Distributions;

/**
 * A difference-in-differences result. Fields that do not apply to the design are null: a 2×2
 * has no {@code attGt}, {@code aggregations} or {@code eventStudy}; the event study has no
 * {@code attGt}. {@code estimate} is the 2×2 coefficient, the simple Callaway &amp; Sant'Anna
 * average, or the mean of the event study's post-period coefficients.
 */
public record DidResult(
        String method,
        String design,
        double estimate,
        double se,
        double ciLow,
        double ciHigh,
        double pValue,
        int nUnits,
        int nPeriods,
        List<AttGt> attGt,
        Aggregations aggregations,
        List<EventTimeEstimate> eventStudy,
        Pretrend pretrend,
        List<Diagnostic> diagnostics,
        String summary) implements CeterisResult {

    public static final String METHOD = "did";
    public static final String TWO_BY_TWO = "2x2";
    public static final String STAGGERED = "staggered";
    public static final String EVENT_STUDY = "event_study";

    public DidResult {
        if (!METHOD.equals(method)) {
            throw new IllegalArgumentException("method must be " + METHOD);
        }
        if (!List.of(TWO_BY_TWO, STAGGERED, EVENT_STUDY).contains(design)) {
            throw new IllegalArgumentException("unknown design " + design);
        }
        if (nUnits < 1 || nPeriods < 2) {
            throw new IllegalArgumentException("a DiD needs units and at least two periods");
        }
        attGt = attGt == null ? null : List.copyOf(attGt);
        eventStudy = eventStudy == null ? null : List.copyOf(eventStudy);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One group-time average treatment effect, ATT(g,t); group and time are period numbers (Long) or ISO dates (String). */
    public record AttGt(Object group, Object time, double att, double se) {
    }

    /** An aggregate with its standard error. */
    public record Estimate(double att, double se) {
    }

    /** The effect for one adoption cohort (its first treated period: a Long or an ISO date String). */
    public record GroupEstimate(Object group, double att, double se) {
    }

    /** The effect at one event time (periods since adoption). */
    public record DynamicEstimate(long eventTime, double att, double se) {
    }

    /** The effect in one calendar period (a Long or an ISO date String). */
    public record CalendarEstimate(Object time, double att, double se) {
    }

    /** The four Callaway &amp; Sant'Anna aggregations; overall values of group, dynamic and calendar included. */
    public record Aggregations(
            Estimate simple,
            List<GroupEstimate> group,
            Estimate groupOverall,
            List<DynamicEstimate> dynamic,
            Estimate dynamicOverall,
            List<CalendarEstimate> calendar,
            Estimate calendarOverall) {
        public Aggregations {
            group = List.copyOf(group);
            dynamic = List.copyOf(dynamic);
            calendar = List.copyOf(calendar);
        }
    }

    /**
     * The same result with period numbers 1..T replaced by the dates of a dated panel ({@code dates[p - 1]}
     * for period p); event times stay counts of periods.
     */
    public DidResult withPeriodDates(List<String> dates) {
        java.util.function.Function<Object, Object> date = p -> dates.get((int) (((Number) p).longValue() - 1));
        List<AttGt> cells = attGt == null ? null : attGt.stream().map(c -> new AttGt(date.apply(c.group()), date.apply(c.time()), c.att(),
                c.se())).toList();
        Aggregations agg = aggregations == null ? null : new Aggregations(aggregations.simple(),
                aggregations.group().stream().map(g -> new GroupEstimate(date.apply(g.group()), g.att(), g.se())).toList(),
                aggregations.groupOverall(), aggregations.dynamic(), aggregations.dynamicOverall(),
                aggregations.calendar().stream().map(c -> new CalendarEstimate(date.apply(c.time()), c.att(), c.se())).toList(),
                aggregations.calendarOverall());
        return new DidResult(method, design, estimate, se, ciLow, ciHigh, pValue, nUnits, nPeriods, cells, agg, eventStudy, pretrend,
                diagnostics, summary);
    }

    /** One event-study coefficient (event time −1 is the omitted reference). */
    public record EventTimeEstimate(long eventTime, double estimate, double se) {
    }

    /**
     * The joint Wald test that every pre-period effect is zero, χ² with {@code df} degrees of freedom,
     * as R's did and statsmodels report it (the JSON contract), and the same statistic with a
     * small-sample correction, which the DID_PRETREND warning uses. The χ² p-value is right when there
     * are many units per pre-period effect and far too small otherwise, because the covariance of df
     * effects estimated from few independent units (or clusters) is nearly singular when df approaches
     * their number. The correction is Hotelling's: with the covariance estimated as if from m
     * independent units, {@code (m − q)/(q·m)·W} follows F(q, m − q) for q = df (Hotelling 1931);
     * m is the number of units (clusters) of the event study, and for Callaway &amp; Sant'Anna an
     * effective number of units, smaller than the panel's because each cell rests on its cohort and
     * comparison units only (see {@code CallawaySantAnna}). NaN when m ≤ q (nothing can be said jointly).
     *
     * @param effectiveUnits the m of the correction
     * @param pAdjusted      the small-sample p-value
     */
    public record Pretrend(double statistic, int df, double pValue, double effectiveUnits, double pAdjusted) {

        /** The test from its statistic, the number of effects tested and the (effective) number of units behind their covariance. */
        public static Pretrend of(double statistic, int df, double units) {
            double adjusted = units <= df ? Double.NaN
                    : Distributions.fUpperTail((units - df) / (df * units) * statistic, df, units - df);
            return of(statistic, df, units, adjusted);
        }

        /** The test with a small-sample p-value computed elsewhere, as if from {@code effectiveUnits} independent units. */
        public static Pretrend of(double statistic, int df, double effectiveUnits, double pAdjusted) {
            return new Pretrend(statistic, df, Distributions.chiSquaredUpperTail(statistic, df), effectiveUnits, pAdjusted);
        }
    }
}
