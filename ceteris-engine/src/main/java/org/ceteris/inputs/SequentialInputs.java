package org.ceteris.inputs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.MetricSpec;
import org.ceteris.sequential.LookSchedule;
import org.ceteris.sequential.SequentialInput;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.stats.CoMoments;

/**
 * The SQL that turns an experiment table (a row per unit, with the time it arrived) into the
 * per-look batches of a replayed sequential test: each row gets its look from the schedule — equal
 * spans of time or a look every so many days from the first arrival, or equal numbers of units
 * (by the rank of its time, ties kept together) — and one scan groups by (look, variant) with the
 * stable aggregates {@code count}, {@code avg}, {@code var_samp} and {@code covar_samp}, each over its
 * group in value order so that the result does not depend on the engine's thread scheduling. Only those
 * per-batch statistics cross into Java; the monitor merges them exactly. Two small queries come
 * first: one checks the time column, one finds the first and last times and the counts of rows left out.
 */
public final class SequentialInputs {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final double DAY_SECONDS = 86_400;

    private SequentialInputs() {
    }

    public static SequentialInput load(Engine engine, Source source, SequentialSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String variant = d.ident(Identifiers.requireColumn(columns, spec.variant(), source).name());
        Column timeColumn = Identifiers.requireColumn(columns, spec.time(), source);
        // a column of numbers is a period index (day 1, 2, 3 … or week 1, 2 …): one period counts as one day of the schedule
        boolean periods = timeColumn.numeric();
        String rawTime = d.ident(timeColumn.name());
        String a;
        String b;
        if (spec.metric() instanceof MetricSpec.Ratio r) {
            a = numeric(d, columns, r.numerator(), source);
            b = numeric(d, columns, r.denominator(), source);
        } else {
            a = numeric(d, columns, ((MetricSpec.Mean) spec.metric()).column(), source);
            b = spec.metric().covariate() == null ? null : numeric(d, columns, spec.metric().covariate(), source);
        }
        String relation = engine.relation(source);
        String seconds;
        if (periods) {
            seconds = "(" + d.finiteOrNull(rawTime) + ") * " + lit(DAY_SECONDS);
        } else {
            checkTimes(engine, relation, rawTime, timeColumn.name());
            seconds = d.epochSeconds(d.tryTimestamp(rawTime));
        }
        String both = b == null ? a + " IS NOT NULL" : a + " IS NOT NULL AND " + b + " IS NOT NULL";
        String rows = "SELECT " + d.asText(variant) + " AS v, " + seconds + " AS t, " + a + " AS a, "
                + (b == null ? "CAST(NULL AS DOUBLE)" : b) + " AS b, CASE WHEN " + both + " THEN 1 ELSE 0 END AS ok FROM " + relation;
        Rows range = engine.query("SELECT min(t) FILTER (WHERE ok = 1 AND v IS NOT NULL) AS t0, "
                + "max(t) FILTER (WHERE ok = 1 AND v IS NOT NULL) AS t1, "
                + "count(*) FILTER (WHERE v IS NULL) AS unassigned, "
                + "count(*) FILTER (WHERE v IS NOT NULL AND t IS NULL) AS untimed, "
                + "count(*) FILTER (WHERE v IS NOT NULL AND t IS NOT NULL AND ok = 0) AS excluded, "
                + "count(*) FILTER (WHERE v IS NOT NULL AND t IS NOT NULL AND ok = 1) AS units, "
                + "coalesce(bool_and(t % 86400 = 0) FILTER (WHERE ok = 1 AND v IS NOT NULL), true) AS midnight FROM (" + rows + ") r");
        List<String> arms = new ArrayList<>();
        Rows armRows = engine.query("SELECT DISTINCT v FROM (" + rows + ") r WHERE v IS NOT NULL ORDER BY v");
        for (int i = 0; i < armRows.size(); i++) {
            arms.add(armRows.getString(i, "v"));
        }
        long unassigned = range.getLong(0, "unassigned");
        long untimed = range.getLong(0, "untimed");
        long excluded = range.getLong(0, "excluded");
        long units = range.getLong(0, "units");
        if (units == 0) {
            return new SequentialInput(arms, List.of(), List.of(), excluded, unassigned, untimed);
        }
        double t0 = range.getDouble(0, "t0");
        double t1 = range.getDouble(0, "t1");
        boolean midnight = Boolean.TRUE.equals(range.get(0, "midnight"));
        java.util.function.DoubleFunction<String> format = periods ? SequentialInputs::period
                : midnight ? t -> DAY.format(instant(t)) : t -> SECOND.format(instant(t));

        Cuts cuts = cuts(spec.schedule(), t0, t1);
        String eligible = "SELECT v, t, a, b FROM (" + rows + ") r WHERE v IS NOT NULL AND t IS NOT NULL AND ok = 1";
        String look;
        String from;
        if (cuts.width() > 0) {
            look = "least(" + cuts.looks() + ", CAST(floor((t - " + lit(t0) + ") / " + lit(cuts.width()) + ") AS BIGINT) + 1)";
            from = "(" + eligible + ") e";
        } else if (cuts.width() == 0) {
            look = "1";
            from = "(" + eligible + ") e";
        } else { // equal numbers of units: the look of a row is set by how many rows came at or before its time
            look = d.integerDivide(cuts.looks() + " * le + " + units + " - 1", String.valueOf(units));
            from = "(SELECT *, count(*) OVER (ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS le FROM ("
                    + eligible + ") e0) e";
        }
        // each aggregate reads its group in one canonical order (by value), so that the floating-point sums do not
        // depend on the order in which parallel threads scanned the rows: the same data give byte-identical results.
        // Engines that aggregate in partitions (Spark) return each partition's statistics instead, merged below in
        // partition order, as AbInputs does.
        String part = d.partitionId();
        String o = part == null ? " ORDER BY a, b" : "";
        Rows stats = engine.query("SELECT " + look + " AS look, v, " + (part == null ? "0" : part) + " AS part, count(*) AS n, "
                + "avg(a" + o + ") AS ma, var_samp(a" + o + ") AS va, avg(b" + o + ") AS mb, var_samp(b" + o + ") AS vb, "
                + "covar_samp(a, b" + o + ") AS cab, max(t) AS tmax FROM " + from + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");

        Map<Integer, Map<String, CoMoments>> byLook = new LinkedHashMap<>();
        Map<Integer, Double> latest = new LinkedHashMap<>();
        for (int i = 0; i < stats.size(); i++) {
            int k = (int) stats.getLong(i, "look");
            long n = stats.getLong(i, "n");
            CoMoments cm = CoMoments.ofVariances(n, stats.getDouble(i, "ma"), zeroIfNaN(stats.getDouble(i, "mb")),
                    zeroIfNaN(stats.getDouble(i, "va")), zeroIfNaN(stats.getDouble(i, "vb")), zeroIfNaN(stats.getDouble(i, "cab")));
            byLook.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(stats.getString(i, "v"), cm, CoMoments::merge);
            latest.merge(k, stats.getDouble(i, "tmax"), Math::max);
        }
        List<SequentialInput.Batch> batches = new ArrayList<>();
        List<SequentialInput.EmptyLook> empty = new ArrayList<>();
        String previous = format.apply(t0);
        for (int k = 1; k <= cuts.looks(); k++) {
            if (byLook.containsKey(k)) {
                previous = format.apply(latest.get(k));
                batches.add(new SequentialInput.Batch(k, previous, byLook.get(k)));
            } else {
                empty.add(new SequentialInput.EmptyLook(k, cuts.width() > 0
                        ? format.apply(t0 + (k - 1) * cuts.width()) : previous));
            }
        }
        return new SequentialInput(arms, batches, empty, excluded, unassigned, untimed);
    }

    /** Looks of the schedule and the width of each in seconds (0: one look; −1: cut by counts). */
    private record Cuts(int looks, double width) {
    }

    private static Cuts cuts(LookSchedule schedule, double t0, double t1) {
        double span = t1 - t0;
        if (schedule instanceof LookSchedule.Every every) {
            double width = every.days() * DAY_SECONDS;
            double looks = Math.floor(span / width) + 1;
            if (looks > LookSchedule.MAX_LOOKS) {
                throw new CeterisException(String.format(Locale.ROOT, "--every %s over %.1f days gives %,.0f looks; at most %,d: "
                        + "look less often, or use --looks N", every.days(), span / DAY_SECONDS, looks, LookSchedule.MAX_LOOKS));
            }
            return new Cuts((int) looks, width);
        }
        LookSchedule.Count count = (LookSchedule.Count) schedule;
        if (count.cuts() == LookSchedule.Cuts.COUNT) {
            return new Cuts(count.looks(), -1);
        }
        return span > 0 ? new Cuts(count.looks(), span / count.looks()) : new Cuts(1, 0);
    }

    /** Text that is not a date or time is an error naming an example; NULLs are counted later. */
    private static void checkTimes(Engine engine, String relation, String rawTime, String name) {
        Dialect d = engine.dialect();
        Rows bad = engine.query("SELECT count(*) AS n, min(" + d.asText(rawTime) + ") AS example FROM " + relation
                + " WHERE " + rawTime + " IS NOT NULL AND " + d.tryTimestamp(rawTime) + " IS NULL");
        long n = bad.getLong(0, "n");
        if (n > 0) {
            throw new CeterisException("column '" + name + "' has " + n + " value(s) that are not a date or time, e.g. '"
                    + bad.getString(0, "example") + "'; use ISO dates such as 2026-03-02 or 2026-03-02 14:30:00, "
                    + "or convert them in --sql");
        }
    }

    private static String numeric(Dialect d, List<Column> columns, String name, Source source) {
        return d.finiteOrNull(d.ident(Identifiers.requireNumeric(columns, name, source).name()));
    }

    /** A period index as its number: "7", or "7.5" for a period that is not whole. */
    private static String period(double seconds) {
        double p = seconds / DAY_SECONDS;
        return p == Math.rint(p) && Math.abs(p) < 1e15 ? Long.toString((long) p) : new java.math.BigDecimal(p)
                .round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static Instant instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }

    private static String lit(double x) {
        return Double.toString(x);
    }

    private static double zeroIfNaN(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }
}
