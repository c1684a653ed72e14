package org.ceteris.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.engine.Dialect;

/**
 * The SQL of a study over raw logs, as a few statements each stored by the engine as a temporary
 * table: the first exposure of every unit (one scan of the exposure log), then ONE scan per event
 * source computing every metric of the study over it (each metric's window is a condition on the
 * unit's first exposure; the join to the first-exposure table keeps only events of exposed units in
 * the union of the windows), then the per-unit table (units exposed to one variant, a value per
 * metric, 0 for units without events, NULL where the window has not ended by the source's latest event,
 * caps applied). Only per-variant sufficient statistics of that table reach Java (through
 * {@code AbInputs}). Pure: strings in, strings out. Column names of the engine's tables start with
 * {@code ceteris_} so that a metric's {@code filter:} can name any column of its source.
 */
public final class MetricSql {

    /** Temporary table of first exposures. */
    public static final String EXPOSED = "ceteris_m_exposed";
    /** Temporary table of per-unit metric values. */
    public static final String UNITS = "ceteris_m_units";
    /** Column of the per-unit table holding the first exposure time. */
    public static final String FIRST_EXPOSURE = "first_exposure";

    /**
     * The type per-unit sums are taken in: a parallel engine adds a unit's events in whatever order its
     * threads finish, and a floating-point sum then differs in its last bits from run to run; a
     * decimal sum is exact, so the same logs give byte-identical results. Values are rounded to 10
     * decimals and must stay below 1e28 in absolute value.
     */
    static final String EXACT = "DECIMAL(38, 10)";

    private MetricSql() {
    }

    /** One statement of the plan: the temporary table it fills and the query. */
    public record Statement(String table, String comment, String sql) {
    }

    /**
     * What the builder needs to know about one scan (one source, one unit and time column).
     *
     * @param relation the FROM expression that reads the source
     * @param time     the SQL expression of the event time as a TIMESTAMP, over alias {@code e}
     * @param end      the latest event time of the source as a TIMESTAMP literal, or null when it has no rows
     */
    public record ScanInput(String source, String unit, String relation, String time, String end, List<MetricDef.Event> metrics) {
        public ScanInput {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * The exposure side.
     *
     * @param time     the SQL expression of the exposure time as a TIMESTAMP (no alias)
     */
    public record ExposureInput(String relation, String time) {
    }

    /** The statements in the order they run; the last fills {@link #UNITS}. */
    public static List<Statement> plan(Dialect d, MetricStudySpec spec, ExposureInput exposure, List<ScanInput> scans) {
        List<Statement> out = new ArrayList<>();
        out.add(new Statement(EXPOSED, "first exposure of every unit to " + describe(spec.exposures()), exposed(d, spec, exposure)));
        for (int i = 0; i < scans.size(); i++) {
            ScanInput s = scans.get(i);
            out.add(new Statement(scanTable(i), "source " + s.source() + ": one scan for "
                    + String.join(", ", s.metrics().stream().map(MetricDef.Event::name).toList()), scan(d, spec, s)));
        }
        out.add(new Statement(UNITS, "one row per unit exposed to one variant: variant, slices, every metric"
                + (spec.cupedDays() == null ? "" : " and its CUPED covariate"), units(d, spec, scans)));
        for (ScanInput s : scans) {
            for (MetricDef.Event m : s.metrics()) {
                if (m.perEvent()) {
                    out.add(new Statement(eventsTable(m.name()), "metric " + m.name() + ": the values of the events whose quantile it is, "
                            + "of units whose window has ended", events(d, spec, s, m)));
                }
            }
        }
        return out;
    }

    /** Temporary table of the events of metric {@code name} (quantile_level: event). */
    public static String eventsTable(String name) {
        return "ceteris_m_events_" + Integer.toHexString(name.hashCode()) + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Column of an events table holding the event's value. */
    public static final String EVENT_VALUE = "ceteris_value";

    /**
     * The events of a quantile_level: event metric: unit, variant, slices and the event's value, for units of
     * the per-unit table whose window has ended (their per-unit count is not NULL), events in the window
     * that pass the filter and have a finite value.
     */
    static String events(Dialect d, MetricStudySpec spec, ScanInput s, MetricDef.Event m) {
        ExposureDef e = spec.exposures();
        String value = d.finiteOrNull("CAST(e." + d.ident(m.value()) + " AS DOUBLE)");
        StringBuilder sb = new StringBuilder("SELECT u.").append(d.ident(e.unit())).append(", u.").append(d.ident(e.variant()));
        for (String slice : spec.slices()) {
            sb.append(", u.").append(d.ident(slice));
        }
        sb.append(", ").append(value).append(" AS ").append(EVENT_VALUE)
                .append("\nFROM ").append(UNITS).append(" u\nJOIN ").append(EXPOSED).append(" x ON x.ceteris_unit = u.").append(d.ident(e.unit()))
                .append("\nJOIN ").append(s.relation()).append(" e ON e.").append(d.ident(s.unit())).append(" = x.ceteris_unit\n  AND ")
                .append(window(s.time(), m.window().startDays(), m.window().endDays()));
        if (m.filter() != null) {
            sb.append(" AND (").append(m.filter()).append(")");
        }
        return sb.append("\nWHERE u.").append(d.ident(m.name())).append(" IS NOT NULL AND ").append(value).append(" IS NOT NULL").toString();
    }

    public static String scanTable(int i) {
        return "ceteris_m_scan" + i;
    }

    private static String describe(ExposureDef e) {
        return e.experiment() == null ? "source " + e.source() : "experiment " + e.experiment() + " in source " + e.source();
    }

    static String exposed(Dialect d, MetricStudySpec spec, ExposureInput in) {
        ExposureDef e = spec.exposures();
        StringBuilder inner = new StringBuilder("SELECT ").append(d.ident(e.unit())).append(" AS ceteris_unit, ")
                .append(in.time()).append(" AS ceteris_time, ").append(d.asText(d.ident(e.variant()))).append(" AS ceteris_variant");
        StringBuilder outer = new StringBuilder("SELECT ceteris_unit, min(ceteris_time) AS ceteris_first, ")
                .append("min(ceteris_variant) AS ceteris_variant, count(DISTINCT ceteris_variant) AS ceteris_variants");
        for (int i = 0; i < spec.slices().size(); i++) {
            inner.append(", ").append(d.asText(d.ident(spec.slices().get(i)))).append(" AS ceteris_s").append(i);
            outer.append(", ").append(d.valueAtMin("ceteris_s" + i, "ceteris_time")).append(" AS ceteris_s").append(i);
        }
        inner.append("\n    FROM ").append(in.relation());
        if (e.experimentColumn() != null) {
            inner.append("\n    WHERE ").append(d.asText(d.ident(e.experimentColumn()))).append(" = ").append(d.literal(e.experiment()));
        }
        return outer.append("\nFROM (").append(inner).append(") x\nWHERE ceteris_unit IS NOT NULL AND ceteris_time IS NOT NULL")
                .append(" AND ceteris_variant IS NOT NULL\nGROUP BY ceteris_unit").toString();
    }

    /** One pass over a source: every metric on it (and its CUPED covariate) per exposed unit that has events. */
    static String scan(Dialect d, MetricStudySpec spec, ScanInput s) {
        StringBuilder sb = new StringBuilder("SELECT x.ceteris_unit");
        Integer lower = null;
        Integer upper = 0;
        for (MetricDef.Event m : s.metrics()) {
            sb.append(",\n  ").append(aggregate(d, m, s.time(), window(s.time(), m.window().startDays(), m.window().endDays())))
                    .append(" AS ").append(d.ident(m.name()));
            lower = lower == null ? m.window().startDays() : Math.min(lower, m.window().startDays());
            upper = upper == null || m.window().isAll() ? null : Math.max(upper, m.window().endDays());
            if (spec.cupedDays() != null) {
                sb.append(",\n  ").append(aggregate(d, m, s.time(), window(s.time(), -spec.cupedDays(), 0)))
                        .append(" AS ").append(d.ident(MetricStudySpec.covariateColumn(m.name())));
            }
        }
        if (spec.cupedDays() != null) {
            lower = -spec.cupedDays();
        }
        sb.append("\nFROM ").append(EXPOSED).append(" x\nJOIN ").append(s.relation()).append(" e ON e.").append(d.ident(s.unit()))
                .append(" = x.ceteris_unit\n  AND ").append(window(s.time(), lower, upper))
                .append("\nWHERE x.ceteris_variants = 1\nGROUP BY x.ceteris_unit");
        return sb.toString();
    }

    /** {@code time} in [first + start days, first + end days); no upper bound when {@code end} is null. */
    static String window(String time, int start, Integer end) {
        String cond = time + " >= " + offset(start);
        return end == null ? cond : cond + " AND " + time + " < " + offset(end);
    }

    private static String offset(int days) {
        return days == 0 ? "x.ceteris_first" : days > 0 ? "x.ceteris_first + INTERVAL " + days + " DAY"
                : "x.ceteris_first - INTERVAL " + (-days) + " DAY";
    }

    private static String aggregate(Dialect d, MetricDef.Event m, String time, String window) {
        String cond = m.filter() == null ? window : window + " AND (" + m.filter() + ")";
        String value = m.value() == null ? null : "e." + d.ident(m.value());
        if (m.perEvent()) { // the events a quantile of events is over: those with a finite value
            return "count(CASE WHEN " + cond + " AND " + d.finiteOrNull("CAST(" + value + " AS DOUBLE)") + " IS NOT NULL THEN 1 END)";
        }
        return switch (m.aggregate()) {
            case SUM -> "CAST(sum(CASE WHEN " + cond + " THEN CAST(" + value + " AS " + EXACT + ") END) AS DOUBLE)";
            case COUNT -> "count(CASE WHEN " + cond + " THEN 1 END)";
            case MAX -> "max(CASE WHEN " + cond + " THEN CAST(" + value + " AS DOUBLE) END)";
            case COUNT_DISTINCT -> "count(DISTINCT CASE WHEN " + cond + " THEN " + value + " END)";
            case EXISTS, ABSENT -> "max(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
        };
    }

    /** The per-unit table: units exposed to one variant, each metric (0 without events), NULL where incomplete, caps applied. */
    static String units(Dialect d, MetricStudySpec spec, List<ScanInput> scans) {
        ExposureDef e = spec.exposures();
        StringBuilder sb = new StringBuilder("SELECT x.ceteris_unit AS ").append(d.ident(e.unit()))
                .append(", x.ceteris_variant AS ").append(d.ident(e.variant()))
                .append(", x.ceteris_first AS ").append(FIRST_EXPOSURE);
        for (int i = 0; i < spec.slices().size(); i++) {
            sb.append(", x.ceteris_s").append(i).append(" AS ").append(d.ident(spec.slices().get(i)));
        }
        Map<String, String> caps = new LinkedHashMap<>(); // column → cap expression over ceteris_caps or a literal
        List<String> quantiles = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            ScanInput s = scans.get(i);
            for (MetricDef.Event m : s.metrics()) {
                String col = "s" + i + "." + d.ident(m.name());
                String value = m.aggregate() == Aggregate.ABSENT ? "1 - coalesce(" + col + ", 0)" : "coalesce(" + col + ", 0)";
                value = "CAST(" + value + " AS DOUBLE)";
                if (!m.window().isAll()) {
                    String end = s.end() == null ? "CAST(NULL AS TIMESTAMP)" : s.end();
                    value = "CASE WHEN " + offset(m.window().endDays()) + " <= " + end + " THEN " + value + " END";
                }
                sb.append(",\n  ").append(value).append(" AS ").append(d.ident(m.name()));
                cap(d, m, m.name(), caps, quantiles);
                if (spec.cupedDays() != null) {
                    String cov = MetricStudySpec.covariateColumn(m.name());
                    String pre = "s" + i + "." + d.ident(cov);
                    sb.append(",\n  CAST(").append(m.aggregate() == Aggregate.ABSENT ? "1 - coalesce(" + pre + ", 0)" : "coalesce(" + pre + ", 0)")
                            .append(" AS DOUBLE) AS ").append(d.ident(cov));
                    cap(d, m, cov, caps, quantiles);
                }
            }
        }
        sb.append("\nFROM ").append(EXPOSED).append(" x");
        for (int i = 0; i < scans.size(); i++) {
            sb.append("\nLEFT JOIN ").append(scanTable(i)).append(" s").append(i).append(" ON s").append(i)
                    .append(".ceteris_unit = x.ceteris_unit");
        }
        sb.append("\nWHERE x.ceteris_variants = 1");
        String orderBy = "\nORDER BY " + d.ident(e.unit());
        if (caps.isEmpty()) {
            return sb.append(orderBy).toString();
        }
        StringBuilder capped = new StringBuilder();
        if (!quantiles.isEmpty()) {
            capped.append(d.with("ceteris_uncapped", sb.toString()).strip()).append(",\nceteris_caps AS (SELECT ")
                    .append(String.join(", ", quantiles)).append(" FROM ceteris_uncapped)\n");
        } else {
            capped.append(d.with("ceteris_uncapped", sb.toString()));
        }
        capped.append("SELECT ").append(d.ident(e.unit())).append(", ").append(d.ident(e.variant())).append(", ").append(FIRST_EXPOSURE);
        for (String slice : spec.slices()) {
            capped.append(", ").append(d.ident(slice));
        }
        for (MetricDef.Event m : spec.events()) {
            for (String col : spec.cupedDays() == null ? List.of(m.name()) : List.of(m.name(), MetricStudySpec.covariateColumn(m.name()))) {
                String c = caps.get(col);
                String q = d.ident(col);
                capped.append(",\n  ").append(c == null ? q : "CASE WHEN " + q + " > " + c + " THEN " + c + " ELSE " + q + " END AS " + q);
            }
        }
        capped.append("\nFROM ceteris_uncapped");
        if (!quantiles.isEmpty()) {
            capped.append(" CROSS JOIN ceteris_caps");
        }
        return capped.append(orderBy).toString();
    }

    private static void cap(Dialect d, MetricDef.Event m, String column, Map<String, String> caps, List<String> quantiles) {
        if (m.cap() == null) {
            return;
        }
        if (m.cap().value() != null) {
            caps.put(column, "CAST(" + m.cap().value() + " AS DOUBLE)");
            return;
        }
        String alias = "ceteris_cap" + quantiles.size();
        quantiles.add(d.quantile(d.ident(column), m.cap().percentile()) + " AS " + alias);
        caps.put(column, "ceteris_caps." + alias);
    }
}
