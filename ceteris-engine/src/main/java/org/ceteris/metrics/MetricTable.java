package org.ceteris.metrics;

import java.nio.file.Path;
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

/**
 * Builds a study's per-unit table ({@link MetricSql#UNITS}) on an engine: checks every source
 * against its data (named columns exist, value columns are numeric, times are times, filters are
 * valid SQL), finds each source's latest event time, then runs {@link MetricSql}'s statements. Small
 * queries only return to Java: the checks, the counts of units exposed to several variants and of
 * units whose window had not ended. Cost: one scan of the exposure log and one of each event source
 * (plus a scan of each time column for its range), in the engine.
 */
public final class MetricTable {

    private MetricTable() {
    }

    /**
     * What was built.
     *
     * @param multipleExposures units exposed to more than one variant, left out
     * @param incomplete        per event metric, units whose window had not ended by the source's latest event
     */
    public record Built(List<MetricSql.Statement> statements, long units, long multipleExposures, Map<String, Long> incomplete) {
    }

    /** The statements, checked against the data but not run (for {@code ceteris metrics sql}). */
    public static List<MetricSql.Statement> plan(Engine engine, MetricStudySpec spec, Path base) {
        Dialect d = engine.dialect();
        ExposureDef e = spec.exposures();
        Source exposureSource = spec.catalog().source(e.source(), "exposures").source(engine, base);
        List<Column> cols = engine.columns(exposureSource);
        String what = "exposures (source " + e.source() + ")";
        List<String> names = new ArrayList<>();
        for (String c : e.experimentColumn() == null ? List.of(e.unit(), e.variant(), e.time())
                : List.of(e.unit(), e.variant(), e.time(), e.experimentColumn())) {
            names.add(column(cols, c, exposureSource, what).name());
        }
        List<String> slices = new ArrayList<>();
        for (String s : spec.slices()) {
            slices.add(column(cols, s, exposureSource, "slices").name());
        }
        ExposureDef resolved = new ExposureDef(e.source(), names.get(0), names.get(1), names.get(2),
                e.experimentColumn() == null ? null : names.get(3), e.experiment());
        MetricStudySpec checked = new MetricStudySpec(resolved, spec.metrics(), spec.cupedDays(), slices, spec.catalog());
        checkNames(checked);
        String exposureRelation = engine.relation(exposureSource);
        Column time = column(cols, e.time(), exposureSource, what);
        String exposureTime = timeExpr(d, time, null);
        latest(engine, exposureRelation, time, exposureTime, what);

        Map<String, List<MetricDef.Event>> groups = new LinkedHashMap<>();
        for (MetricDef.Event m : checked.events()) {
            groups.computeIfAbsent(m.source() + '\u0000' + m.unit() + '\u0000' + m.time(), k -> new ArrayList<>()).add(m);
        }
        List<MetricSql.ScanInput> scans = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (List<MetricDef.Event> group : groups.values()) {
            MetricDef.Event first = group.get(0);
            Source source = sources.computeIfAbsent(first.source(), n -> spec.catalog().source(n, "metric").source(engine, base));
            List<Column> sc = engine.columns(source);
            String relation = engine.relation(source);
            String where = "metric '" + first.name() + "' (source " + first.source() + ")";
            Column unit = column(sc, first.unit(), source, where);
            Column t = column(sc, first.time(), source, where);
            String end = latest(engine, relation, t, timeExpr(d, t, null), where);
            List<MetricDef.Event> resolvedMetrics = new ArrayList<>();
            for (MetricDef.Event m : group) {
                String mw = "metric '" + m.name() + "' (source " + m.source() + ")";
                String value = null;
                if (m.value() != null) {
                    Column v = column(sc, m.value(), source, mw);
                    if ((m.aggregate() == Aggregate.SUM || m.aggregate() == Aggregate.MAX) && !v.numeric()) {
                        throw new CeterisException(mw + ": column '" + v.name() + "' is " + v.type() + ", not numeric; "
                                + m.aggregate().label() + " needs a numeric value column");
                    }
                    if (m.perEvent() && !v.numeric()) {
                        throw new CeterisException(mw + ": column '" + v.name() + "' is " + v.type() + ", not numeric; "
                                + "quantile_level: event needs a numeric value column");
                    }
                    value = v.name();
                }
                if (m.filter() != null) {
                    checkFilter(engine, relation, m);
                }
                resolvedMetrics.add(new MetricDef.Event(m.name(), m.source(), unit.name(), t.name(), value, m.aggregate(),
                        m.window(), m.filter(), m.cap(), m.better(), m.definition(), m.quantile(), m.perEvent()));
            }
            scans.add(new MetricSql.ScanInput(first.source(), unit.name(), relation, timeExpr(d, t, "e"),
                    end == null ? null : "TIMESTAMP " + d.literal(end), resolvedMetrics));
        }
        return MetricSql.plan(d, checked, new MetricSql.ExposureInput(exposureRelation, exposureTime), scans);
    }

    /** Builds the per-unit table on {@code engine}; drop it with {@link #drop} when done. */
    public static Built build(Engine engine, MetricStudySpec spec, Path base) {
        List<MetricSql.Statement> statements = plan(engine, spec, base);
        try {
            for (MetricSql.Statement s : statements) {
                engine.createTemporary(s.table(), s.sql());
            }
            Rows exposed = engine.query("SELECT count(*) AS n, sum(CASE WHEN ceteris_variants > 1 THEN 1 ELSE 0 END) AS multi FROM "
                    + MetricSql.EXPOSED);
            StringBuilder q = new StringBuilder("SELECT count(*) AS n");
            List<MetricDef.Event> events = spec.events();
            for (int i = 0; i < events.size(); i++) {
                q.append(", sum(CASE WHEN ").append(engine.dialect().ident(events.get(i).name())).append(" IS NULL THEN 1 ELSE 0 END) AS i")
                        .append(i);
            }
            Rows units = engine.query(q.append(" FROM ").append(MetricSql.UNITS).toString());
            Map<String, Long> incomplete = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                incomplete.put(events.get(i).name(), units.getLong(0, "i" + i));
            }
            return new Built(statements, units.getLong(0, "n"), exposed.getLong(0, "multi"), incomplete);
        } catch (RuntimeException ex) {
            drop(engine, statements);
            throw ex;
        }
    }

    /** Drops the temporary tables of these statements, the per-unit table first. */
    public static void drop(Engine engine, List<MetricSql.Statement> statements) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            engine.dropTemporary(statements.get(i).table());
        }
    }

    /** Metric, covariate, slice and exposure column names of the per-unit table must all differ. */
    private static void checkNames(MetricStudySpec spec) {
        Map<String, String> used = new LinkedHashMap<>();
        ExposureDef e = spec.exposures();
        for (String c : List.of(e.unit(), e.variant(), MetricSql.FIRST_EXPOSURE)) {
            used.putIfAbsent(c.toLowerCase(Locale.ROOT), "an exposure column");
        }
        for (String s : spec.slices()) {
            if (used.put(s.toLowerCase(Locale.ROOT), "slice " + s) != null) {
                throw new CeterisException("slice '" + s + "' is the unit, variant or " + MetricSql.FIRST_EXPOSURE + " column, or listed twice");
            }
        }
        for (MetricDef.Event m : spec.events()) {
            List<String> cols = spec.cupedDays() == null ? List.of(m.name()) : List.of(m.name(), MetricStudySpec.covariateColumn(m.name()));
            for (String c : cols) {
                String other = used.put(c.toLowerCase(Locale.ROOT), "metric " + m.name());
                if (other != null) {
                    throw new CeterisException("metric '" + m.name() + "': its column '" + c + "' in the per-unit table clashes with "
                            + other + "; rename the metric");
                }
            }
        }
    }

    private static Column column(List<Column> cols, String name, Source source, String what) {
        try {
            return Identifiers.requireColumn(cols, name, source);
        } catch (CeterisException e) {
            throw new CeterisException(what + ": " + e.getMessage(), e);
        }
    }

    /** The column as a TIMESTAMP expression ({@code alias.column} when alias is given); numbers are refused. */
    private static String timeExpr(Dialect d, Column c, String alias) {
        String ref = (alias == null ? "" : alias + ".") + d.ident(c.name());
        return c.type().equalsIgnoreCase("TIMESTAMP") ? ref : d.tryTimestamp(ref);
    }

    /**
     * The latest time of the column as text (null when there is none); fails on numbers and on text
     * that is not a date or time, naming an example.
     */
    private static String latest(Engine engine, String relation, Column c, String time, String what) {
        if (c.numeric()) {
            throw new CeterisException(what + ": time column '" + c.name() + "' is " + c.type() + ", not a date or time; "
                    + "give a timestamp or date column (or convert it in the source's sql:, e.g. to_timestamp(" + c.name() + "))");
        }
        Dialect d = engine.dialect();
        String raw = d.ident(c.name());
        Rows r;
        try {
            r = engine.query("SELECT " + d.asText("max(" + time + ")") + " AS t_end, sum(CASE WHEN " + raw + " IS NOT NULL AND "
                    + time + " IS NULL THEN 1 ELSE 0 END) AS bad, min(CASE WHEN " + raw + " IS NOT NULL AND " + time
                    + " IS NULL THEN " + d.asText(raw) + " END) AS example FROM " + relation);
        } catch (CeterisException e) {
            throw new CeterisException(what + ": cannot read the time column '" + c.name() + "': " + e.getMessage(), e);
        }
        long bad = r.getLong(0, "bad");
        if (bad > 0) {
            throw new CeterisException(what + ": time column '" + c.name() + "' has " + bad + " value(s) that are not a date or time, e.g. '"
                    + r.getString(0, "example") + "'; use ISO times such as 2026-03-02 14:30:00");
        }
        return r.getString(0, "t_end");
    }

    private static void checkFilter(Engine engine, String relation, MetricDef.Event m) {
        try {
            engine.query("SELECT count(*) AS n FROM (SELECT 1 AS one FROM " + relation + " e WHERE (" + m.filter() + ") LIMIT 0) t");
        } catch (CeterisException e) {
            String reason = e.getMessage().replaceFirst("^SQL error: ", "").lines().findFirst().orElse("");
            throw new CeterisException("metric '" + m.name() + "': filter \"" + m.filter() + "\" is not valid SQL on source '"
                    + m.source() + "': " + reason, e);
        }
    }
}
