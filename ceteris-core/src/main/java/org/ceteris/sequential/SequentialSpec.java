package org.ceteris.sequential;

import org.ceteris.CeterisException;
import org.ceteris.experiment.MetricSpec;

/**
 * Everything a replayed sequential test needs besides its data. The CLI flags of
 * {@code ceteris sequential} and a study's parameters build this one record.
 *
 * @param control  the control arm, or null for the default ("control", else the first in sort order)
 * @param metric   a mean (optionally with a CUPED covariate) or a ratio
 * @param time     the column holding when each unit arrived
 * @param tuning   N*, the units at which the sequential boundary is tightest (default 5000)
 * @param nMax     the planned total units: looks after the first that reaches it are not taken, and
 *                 reaching it without a winner means "no difference"; null when open-ended
 */
public record SequentialSpec(
        String variant,
        String control,
        MetricSpec metric,
        String time,
        LookSchedule schedule,
        SequentialTest.Method method,
        double tuning,
        double alpha,
        Direction direction,
        boolean demote,
        Long nMax) {

    public static final double DEFAULT_TUNING = 5000;

    public SequentialSpec {
        if (variant == null || variant.isBlank()) {
            throw new CeterisException("name the variant column with --variant");
        }
        if (metric == null) {
            throw new CeterisException("give the metric with --metric COL (or --ratio NUM/DEN)");
        }
        if (time == null || time.isBlank()) {
            throw new CeterisException("name the column with each unit's arrival time with --time");
        }
        schedule = schedule == null ? new LookSchedule.Every(1) : schedule;
        method = method == null ? SequentialTest.Method.CS : method;
        if (method == SequentialTest.Method.FIXED) {
            throw new CeterisException("--method must be cs or msprt");
        }
        direction = direction == null ? Direction.HIGHER : direction;
        SequentialTest.check(alpha, tuning);
        if (nMax != null && nMax < 2) {
            throw new CeterisException("--n-max must be at least 2 units, got " + nMax);
        }
    }

    /** The metric family the spec's metric belongs to. */
    public MetricKind kind() {
        if (metric instanceof MetricSpec.Ratio) {
            return MetricKind.RATIO;
        }
        return metric.covariate() == null ? MetricKind.MEAN : MetricKind.CUPED;
    }

    /**
     * The metric from the flags: {@code --metric COL} (with an optional {@code --covariate COL}) or
     * {@code --ratio NUM/DEN} (also {@code NAME=NUM/DEN}), exactly one of the two.
     */
    public static MetricSpec metric(String metric, String ratio, String covariate) {
        if ((metric == null) == (ratio == null)) {
            throw new CeterisException("give exactly one of --metric COL or --ratio NUM/DEN");
        }
        if (metric != null) {
            if (metric.isBlank()) {
                throw new CeterisException("--metric is empty: name a column");
            }
            return new MetricSpec.Mean(metric.strip(), metric.strip(), covariate == null ? null : covariate.strip());
        }
        if (covariate != null) {
            throw new CeterisException("--covariate goes with --metric; a ratio metric takes no covariate");
        }
        int eq = ratio.indexOf('=');
        String body = ratio.substring(eq + 1);
        int slash = body.indexOf('/');
        if (slash <= 0 || slash == body.length() - 1 || eq == 0) {
            throw new CeterisException("--ratio '" + ratio + "' is not NUMERATOR/DENOMINATOR (or NAME=NUMERATOR/DENOMINATOR), "
                    + "e.g. minutes/sessions");
        }
        String num = body.substring(0, slash).strip();
        String den = body.substring(slash + 1).strip();
        String name = eq > 0 ? ratio.substring(0, eq).strip() : num + "/" + den;
        return new MetricSpec.Ratio(name, num, den);
    }

    /** The schedule from {@code --looks N [--cuts time|count]} or {@code --every DAYS}. */
    public static LookSchedule schedule(Integer looks, Double every, String cuts) {
        return LookSchedule.of(looks, every, cuts);
    }
}
