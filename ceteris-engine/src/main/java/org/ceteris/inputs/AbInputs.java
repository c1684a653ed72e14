package org.ceteris.inputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbInput;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.MetricSpec;
import org.ceteris.stats.CoMoments;

/**
 * The SQL that turns an experiment table into the scorecard's sufficient statistics: one scan,
 * grouped by variant (and by block of rows, for a deterministic merge), with DuckDB's numerically
 * stable {@code avg}, {@code var_samp} and {@code covar_samp} (never Σy² − (Σy)²/n). With a unit
 * column, rows are first summed per unit. Values that are NULL, NaN or infinite are excluded per
 * metric and counted. Cost: O(n) in the engine; O(n/2048) block rows merged in Java. On engines
 * that aggregate in parallel partitions ({@link Dialect#partitionId()}, Spark) the blocks are the
 * engine's partitions, and each block's means also come with exactly summed parts ({@link ExactSum})
 * so that means, and the differences of means that are the effects, do not depend on the
 * partitioning beyond the last bit.
 */
public final class AbInputs {

    private AbInputs() {
    }

    public static AbInput load(Engine engine, Source source, AbSpec spec) {
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String variant = Identifiers.requireColumn(columns, spec.variant(), source).name();
        String unit = spec.unit() == null ? null : Identifiers.requireColumn(columns, spec.unit(), source).name();
        List<String[]> pairs = new ArrayList<>(); // per metric: {a column, b column or null}
        for (MetricSpec m : spec.metrics()) {
            if (m instanceof MetricSpec.Ratio r) {
                pairs.add(new String[] {numeric(engine, columns, r.numerator(), source), numeric(engine, columns, r.denominator(), source)});
            } else if (m instanceof MetricSpec.Quantile q) {
                pairs.add(new String[] {numeric(engine, columns, q.column(), source), null});
            } else {
                MetricSpec.Mean mean = (MetricSpec.Mean) m;
                pairs.add(new String[] {numeric(engine, columns, mean.column(), source),
                        mean.covariate() == null ? null : numeric(engine, columns, mean.covariate(), source)});
            }
        }
        List<String> names = spec.metrics().stream().map(MetricSpec::name).toList();
        VariantMerge merged;
        try {
            merged = unit == null ? rowLevel(engine, source, variant, pairs, names)
                    : merge(spec.variant(), names, singleThreaded(engine, unitLevel(d, engine.relation(source), variant, unit, pairs)));
        } catch (CeterisException e) {
            throw source.readError(e);
        }
        AbInput input = merged.build();
        if (spec.metrics().stream().noneMatch(m -> m instanceof MetricSpec.Quantile)) {
            return input;
        }
        try {
            return input.withQuantiles(QuantileInputs.load(engine, engine.relation(source), variant, unit, spec, pairs, input));
        } catch (CeterisException e) {
            throw source.readError(e);
        }
    }

    /**
     * Per-variant statistics of rows that are units. Parallel aggregation merges partial states in
     * whatever order threads finish, which changes the last bits of avg/var_samp between runs; so
     * where DuckDB numbers rows (workspace tables: {@code rowid}; Parquet: {@code file_row_number})
     * rows are aggregated per block of {@link #BLOCK} consecutive rows, which one thread scans, and
     * the blocks (DuckDB vectors, n/2048 small rows) are merged here in block order with Chan's update
     * ({@link BlockSums}). A CSV file is first parsed in parallel into a temporary table
     * ({@link #parsedInParallel}); other sources ({@code --sql} queries, whose row order is not
     * fixed) are aggregated on one thread.
     *
     * <p>The first scan aggregates the columns as they are. Its result is used only when it shows
     * that nothing had to be excluded: every aggregate finite (one NaN or infinity makes a sum or
     * mean non-finite) and, for a metric with a covariate or denominator, the same non-null count for
     * both columns and for the pair. Otherwise a second scan excludes NULL, NaN and infinite values
     * per metric explicitly with {@code avg}/{@code var_samp}/{@code covar_samp}.
     */
    private static VariantMerge rowLevel(Engine engine, Source source, String variant, List<String[]> pairs, List<String> names) {
        Dialect d = engine.dialect();
        if (engine instanceof DuckDbEngine) {
            String relation = null;
            String block = null;
            if (source instanceof Source.File f && isParquet(f.path())) {
                relation = "read_parquet(" + d.literal(f.path().toString()) + ", file_row_number = true)";
                block = "file_row_number // " + BLOCK;
            } else if (source instanceof Source.Table) {
                relation = engine.relation(source);
                block = "rowid // " + BLOCK;
            }
            if (block != null) {
                try {
                    VariantMerge fast = BlockSums.load(engine, relation, variant, pairs, block, names);
                    return fast != null ? fast : merge(variant, names, engine.query(rowLevel(d, relation, variant, pairs, block, true)));
                } catch (CeterisException e) {
                    if (!(source instanceof Source.Table)) {
                        throw e;
                    }
                    // a view has no rowid: one thread below
                }
            }
        }
        if (engine instanceof DuckDbEngine duck && source instanceof Source.File f && !isParquet(f.path())) {
            VariantMerge parsed = parsedInParallel(duck, source, variant, pairs, names);
            if (parsed != null) {
                return parsed;
            }
        }
        String relation = engine.relation(source);
        String block = d.partitionId() != null ? d.partitionId() : "0";
        Rows fast = singleThreaded(engine, rowLevel(d, relation, variant, pairs, block, false));
        return merge(variant, names, clean(fast, pairs) ? fast : singleThreaded(engine, rowLevel(d, relation, variant, pairs, block, true)));
    }

    /** Temporary table a CSV file's columns are parsed into (see {@link #parsedInParallel}). */
    static final String PARSED = "ceteris_ab_rows";

    /**
     * A CSV file has no row numbers to make blocks of, so its columns are first parsed by all of
     * DuckDB's threads into a temporary table: DuckDB keeps insertion order, so the table's
     * {@code rowid} is the file's row order. The block sums over it then run on one thread: a table
     * written by several threads has row groups of uneven sizes (so a block can straddle two, whose
     * parts two threads would add), and one thread adds each block's rows in row order whatever the
     * layout; the parse is the costly part (on 5M rows 1.4 s of CPU against 0.4 s for the sums). Null when
     * the table cannot be made (a read-only database): the caller aggregates on one thread.
     * Memory: the used columns in DuckDB (about 25 bytes a row for a variant and two numbers),
     * which DuckDB spills to disk beyond its memory limit.
     */
    private static VariantMerge parsedInParallel(DuckDbEngine duck, Source source, String variant, List<String[]> pairs,
                                                 List<String> names) {
        Dialect d = duck.dialect();
        java.util.LinkedHashSet<String> used = new java.util.LinkedHashSet<>();
        used.add(variant);
        for (String[] p : pairs) {
            used.add(p[0]);
            if (p[1] != null) {
                used.add(p[1]);
            }
        }
        StringBuilder select = new StringBuilder();
        for (String c : used) {
            select.append(select.length() > 0 ? ", " : "").append(d.ident(c));
        }
        try {
            duck.execute("CREATE OR REPLACE TEMP TABLE " + PARSED + " AS SELECT " + select + " FROM " + duck.relation(source));
        } catch (CeterisException e) {
            return null;
        }
        try {
            return oneThread(duck, () -> rowLevel(duck, new Source.Table(PARSED), variant, pairs, names));
        } finally {
            duck.execute("DROP TABLE IF EXISTS " + PARSED);
        }
    }

    /** True when the unscreened aggregates show that no value needed excluding (see {@link #rowLevel}). */
    static boolean clean(Rows rows, List<String[]> pairs) {
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < pairs.size(); k++) {
                long n = rows.getLong(i, "n" + k);
                boolean pair = pairs.get(k)[1] != null;
                if (pair && (rows.getLong(i, "nb" + k) != n || rows.getLong(i, "nab" + k) != n)) {
                    return false;
                }
                List<String> needed = new ArrayList<>();
                if (n > 0) {
                    needed.add("ma" + k);
                    if (pair) {
                        needed.add("mb" + k);
                    }
                }
                if (n > 1) {
                    needed.add("va" + k);
                    if (pair) {
                        needed.addAll(List.of("vb" + k, "cab" + k));
                    }
                }
                for (String col : needed) {
                    if (!Double.isFinite(rows.getDouble(i, col))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Rows per block of the deterministic partial aggregates. */
    static final long BLOCK = 2048;

    private static boolean isParquet(java.nio.file.Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq");
    }

    /** Runs {@code sql} on one DuckDB thread, so that floating-point sums are merged in one fixed order. */
    private static Rows singleThreaded(Engine engine, String sql) {
        if (!(engine instanceof DuckDbEngine duck)) {
            return engine.query(sql);
        }
        return oneThread(duck, () -> duck.query(sql));
    }

    private static <T> T oneThread(DuckDbEngine duck, java.util.function.Supplier<T> work) {
        String threads = duck.query("SELECT current_setting('threads') AS t").getString(0, "t");
        duck.execute("SET threads = 1");
        try {
            return work.get();
        } finally {
            duck.execute("SET threads = " + Long.parseLong(threads));
        }
    }

    private static String numeric(Engine engine, List<Column> columns, String name, Source source) {
        Column c = Identifiers.requireColumn(columns, name, source);
        if (c.numeric()) {
            return c.name();
        }
        Dialect d = engine.dialect();
        String relation = engine.relation(source);
        if (engine.query("SELECT 1 AS one FROM " + relation + " LIMIT 1").size() == 0) {
            throw new CeterisException(source.describe() + " has no rows: there is nothing to analyse");
        }
        String example = "";
        try {
            Rows bad = engine.query("SELECT " + d.asText(d.ident(c.name())) + " AS v FROM " + relation + " WHERE "
                    + d.ident(c.name()) + " IS NOT NULL AND TRY_CAST(" + d.ident(c.name()) + " AS DOUBLE) IS NULL LIMIT 1");
            if (bad.size() > 0) {
                String v = bad.getString(0, "v");
                example = " (for example the value '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "')";
            }
        } catch (CeterisException ignored) {
            // an engine without TRY_CAST: the message stays without an example
        }
        throw new CeterisException("column '" + c.name() + "' in " + source.describe() + " is " + c.type()
                + ", not numeric" + example + "; give a numeric column or convert it in --sql");
    }

    /**
     * Each row is a unit; {@code block} numbers the partial aggregate a row belongs to. With
     * {@code screen}, NULL, NaN and infinite values are excluded per metric (for a pair, the row
     * when either is missing); without, columns are aggregated as they are.
     */
    static String rowLevel(Dialect d, String relation, String variant, List<String[]> pairs, String block, boolean screen) {
        StringBuilder inner = new StringBuilder("SELECT ").append(d.asText(d.ident(variant))).append(" AS v, ")
                .append(block).append(" AS blk");
        for (int k = 0; k < pairs.size(); k++) {
            String a = d.ident(pairs.get(k)[0]);
            String b = pairs.get(k)[1] == null ? null : d.ident(pairs.get(k)[1]);
            if (screen) {
                appendPair(inner, d, k, d.finiteOrNull(a), b == null ? null : d.finiteOrNull(b));
            } else {
                inner.append(", CAST(").append(a).append(" AS DOUBLE) AS a").append(k).append(", CAST(")
                        .append(b == null ? "NULL" : b).append(" AS DOUBLE) AS b").append(k);
            }
        }
        inner.append(" FROM ").append(relation);
        return aggregate(d, inner.toString(), pairs.size(), "0", exactSums(d, pairs.size()));
    }

    /** Rows are summed per unit first; a unit in two variants is counted and rejected. */
    static String unitLevel(Dialect d, String relation, String variant, String unit, List<String[]> pairs) {
        StringBuilder perUnit = new StringBuilder("SELECT ").append(d.ident(unit)).append(" AS u, min(")
                .append(d.asText(d.ident(variant))).append(") AS v, count(DISTINCT ")
                .append(d.ident(variant)).append(") AS nv");
        for (int k = 0; k < pairs.size(); k++) {
            String a = d.finiteOrNull(d.ident(pairs.get(k)[0]));
            String b = pairs.get(k)[1] == null ? null : d.finiteOrNull(d.ident(pairs.get(k)[1]));
            perUnit.append(", sum(").append(a).append(") AS s").append(k).append("a");
            if (b != null) {
                perUnit.append(", sum(").append(b).append(") AS s").append(k).append("b");
            }
            perUnit.append(", sum(CASE WHEN ").append(a).append(" IS NULL").append(b == null ? "" : " OR " + b + " IS NULL")
                    .append(" THEN 1 ELSE 0 END) AS r").append(k);
        }
        perUnit.append(" FROM ").append(relation).append(" WHERE ").append(d.ident(unit)).append(" IS NOT NULL GROUP BY 1");
        StringBuilder inner = new StringBuilder("SELECT v, ").append(d.partitionId() != null ? d.partitionId() : "0")
                .append(" AS blk, nv");
        for (int k = 0; k < pairs.size(); k++) {
            appendPair(inner, d, k, "s" + k + "a", pairs.get(k)[1] == null ? null : "s" + k + "b");
            inner.append(", r").append(k);
        }
        inner.append(" FROM (").append(perUnit).append(") pu");
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < pairs.size(); k++) {
            rows.append(", sum(r").append(k).append(") AS rows").append(k);
        }
        return aggregate(d, inner.toString(), pairs.size(), "sum(CASE WHEN nv > 1 THEN 1 ELSE 0 END)",
                rows + exactSums(d, pairs.size()));
    }

    /** On partitioned engines, the split sums of every a and b column ({@link ExactSum}); else nothing. */
    private static String exactSums(Dialect d, int metrics) {
        if (d.partitionId() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < metrics; k++) {
            for (String x : new String[] {"a", "b"}) {
                sb.append(", ").append(d.exactSum(ExactSum.hi(x + k))).append(" AS h").append(x).append(k)
                        .append(", sum(").append(ExactSum.lo(x + k)).append(") AS l").append(x).append(k);
            }
        }
        return sb.toString();
    }

    private static void appendPair(StringBuilder sb, Dialect d, int k, String a, String b) {
        if (b == null) {
            sb.append(", ").append(a).append(" AS a").append(k).append(", CAST(NULL AS DOUBLE) AS b").append(k);
        } else {
            String both = "(" + a + " IS NOT NULL AND " + b + " IS NOT NULL)";
            sb.append(", CASE WHEN ").append(both).append(" THEN ").append(a).append(" END AS a").append(k)
                    .append(", CASE WHEN ").append(both).append(" THEN ").append(b).append(" END AS b").append(k);
        }
    }

    /**
     * {@code extra}: further select items (", …") of the outer query. Means are compensated
     * ({@link Dialect#accurateMean}): a plain avg of values near 1e12 loses the effect in summation error.
     */
    private static String aggregate(Dialect d, String inner, int metrics, String multiVariant, String extra) {
        StringBuilder sb = new StringBuilder("SELECT v, count(*) AS units, ").append(multiVariant).append(" AS multi")
                .append(extra);
        for (int k = 0; k < metrics; k++) {
            sb.append(", count(a").append(k).append(") AS n").append(k)
                    .append(", ").append(d.accurateMean("a" + k)).append(" AS ma").append(k)
                    .append(", var_samp(a").append(k).append(") AS va").append(k)
                    .append(", ").append(d.accurateMean("b" + k)).append(" AS mb").append(k)
                    .append(", var_samp(b").append(k).append(") AS vb").append(k)
                    .append(", covar_samp(a").append(k).append(", b").append(k).append(") AS cab").append(k)
                    .append(", count(b").append(k).append(") AS nb").append(k)
                    .append(", regr_count(a").append(k).append(", b").append(k).append(") AS nab").append(k);
        }
        sb.append(" FROM (").append(inner).append(") t GROUP BY v, blk ORDER BY v, blk");
        return sb.toString();
    }

    /**
     * The rows of {@link #rowLevel}'s or {@link #unitLevel}'s SQL, merged in their order (variant, then
     * block); {@code variant} names the variant column in the message about units in two variants.
     */
    private static VariantMerge merge(String variant, List<String> names, Rows rows) {
        VariantMerge merge = new VariantMerge(names);
        long multi = 0;
        boolean perUnit = rows.columns().contains("rows0");
        boolean split = rows.columns().contains("ha0");
        Map<String, ExactSum[]> exact = new HashMap<>();
        int metrics = names.size();
        int[][] col = new int[metrics][]; // per metric: rows, n, ma, mb, va, vb, cab (−1 when absent)
        for (int k = 0; k < metrics; k++) {
            col[k] = new int[] {perUnit ? rows.index("rows" + k) : -1, rows.index("n" + k), rows.index("ma" + k), rows.index("mb" + k),
                rows.index("va" + k), rows.index("vb" + k), rows.index("cab" + k)};
        }
        int unitsColumn = rows.index("units");
        int multiColumn = rows.index("multi");
        for (int i = 0; i < rows.size(); i++) { // ordered by variant, then block: a fixed merge order
            String v = rows.getString(i, "v");
            long n = rows.getLong(i, unitsColumn);
            multi += rows.getLong(i, multiColumn);
            if (v == null) {
                merge.unassigned(n);
                continue;
            }
            merge.units(v, n);
            for (int k = 0; k < metrics; k++) {
                int[] c = col[k];
                if (perUnit) {
                    merge.excludedRows(k, rows.getLong(i, c[0]));
                }
                long nk = rows.getLong(i, c[1]);
                merge.metric(v, k, n, nk, rows.getDouble(i, c[2]), rows.getDouble(i, c[3]), rows.getDouble(i, c[4]),
                        rows.getDouble(i, c[5]), rows.getDouble(i, c[6]));
                if (split && nk > 0) {
                    ExactSum[] sums = exact.computeIfAbsent(k + "\u0000" + v, x -> new ExactSum[] {new ExactSum(), new ExactSum()});
                    sums[0].add(rows.get(i, "ha" + k), rows.getDouble(i, "la" + k));
                    sums[1].add(rows.get(i, "hb" + k), rows.getDouble(i, "lb" + k));
                }
            }
        }
        for (Map.Entry<String, ExactSum[]> e : exact.entrySet()) { // Chan's merge for centred sums, exact sums for means
            String[] key = e.getKey().split("\u0000", 2);
            int k = Integer.parseInt(key[0]);
            CoMoments cm = merge.merged(k, key[1]);
            merge.replace(k, key[1], new CoMoments(cm.n(), e.getValue()[0].mean(cm.n(), cm.meanA()),
                    e.getValue()[1].mean(cm.n(), cm.meanB()), cm.m2A(), cm.m2B(), cm.cAB()));
        }
        if (multi > 0) {
            throw new CeterisException(multi + " unit(s) appear in more than one variant of '" + variant
                    + "'; each unit must stay in one variant (check the assignment, or analyse without --unit)");
        }
        return merge;
    }
}
