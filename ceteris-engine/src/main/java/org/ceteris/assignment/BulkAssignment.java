package org.ceteris.assignment;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ceteris.CeterisException;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Assigns every unit of a table in every experiment of a config and writes one row per (unit,
 * experiment) — {@code unit, experiment, variation, variation_index, bucket, in_experiment} — to
 * Parquet or CSV with one DuckDB {@code COPY}. The {@link Assigner} runs inside that query as a
 * vectorised Java scalar function (DuckDB JDBC UDF), so units never leave DuckDB's pipeline, DuckDB
 * parallelises the work across its threads, and memory is bounded by its buffer manager. Rows are
 * written unit-major, experiments in config order. Cost O(units × experiments).
 */
public final class BulkAssignment {

    /** Codes pack bucket × 10,000 (or × 1,000 for hash v1) and variation index + 1. */
    static final long SLOTS = 1024;
    private static final AtomicLong FUNCTIONS = new AtomicLong();

    /** What was written. */
    public record Summary(long units, long rows, String out) {
    }

    private BulkAssignment() {
    }

    public static Summary run(DuckDbEngine engine, Source source, String idColumn, Assigner assigner, Path out) {
        String format = format(out);
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String id = Identifiers.requireColumn(columns, idColumn, source).name();
        List<Column> attrs = new ArrayList<>();
        for (String a : assigner.attributeNames()) {
            attrs.add(columns.stream().filter(x -> x.name().equals(a)).findFirst().orElseThrow(() -> new CeterisException(
                    "the conditions use attribute '" + a + "', which is not a column of " + source.describe() + " (columns: "
                            + String.join(", ", columns.stream().map(Column::name).toList()) + ")")));
        }
        for (ExperimentConfig e : assigner.config().experiments()) {
            if (e.variations().size() >= SLOTS - 1) {
                throw new CeterisException("experiment '" + e.key() + "' has too many variations for bulk assignment (max " + (SLOTS - 2) + ")");
            }
        }
        String relation = engine.relation(source);
        String text = d.asText(d.ident(id));
        Rows counts = engine.query("SELECT count(*) AS n, count(*) FILTER (WHERE " + text + " IS NULL OR " + text
                + " = '') AS missing FROM " + relation);
        long missing = counts.getLong(0, "missing");
        if (missing > 0) {
            throw new CeterisException(String.format(Locale.ROOT, "%,d row(s) of %s have no unit id in column '%s'; every unit needs an id",
                    missing, source.describe(), id));
        }
        long units = counts.getLong(0, "n");
        String fn = register(engine, assigner, attrs);
        StringBuilder args = new StringBuilder();
        StringBuilder select = new StringBuilder("SELECT ").append(text).append(" AS unit");
        for (int i = 0; i < attrs.size(); i++) {
            select.append(", ").append(cast(d, attrs.get(i))).append(" AS a").append(i);
            args.append(", a").append(i);
        }
        select.append(", unnest(generate_series(1, ").append(assigner.size()).append(")) AS e FROM ").append(relation);
        String coded = "SELECT unit, e, " + fn + "(unit, CAST(e - 1 AS INTEGER)" + args + ") AS code FROM (" + select + ") s";
        engine.execute("COPY (" + longFormat(d, assigner, coded) + ") TO " + d.literal(out.toAbsolutePath().toString())
                + " (" + format + ")");
        return new Summary(units, units * assigner.size(), out.toString());
    }

    /** Registers the assignment function on the engine's connection and returns its name. */
    private static String register(DuckDbEngine engine, Assigner assigner, List<Column> attrs) {
        String name = "ceteris_assign_" + FUNCTIONS.incrementAndGet();
        List<DuckDBColumnType> params = new ArrayList<>(List.of(DuckDBColumnType.VARCHAR, DuckDBColumnType.INTEGER));
        List<String> names = new ArrayList<>();
        for (Column c : attrs) {
            params.add(kind(c));
            names.add(c.name());
        }
        try {
            DuckDBFunctions.scalarFunction().withName(name).withParameters(params.toArray(new DuckDBColumnType[0]))
                    .withReturnType(DuckDBColumnType.BIGINT)
                    .withVectorizedFunction((DuckDBDataChunkReader in, DuckDBWritableVector result) -> {
                        DuckDBReadableVector unit = in.vector(0);
                        DuckDBReadableVector exp = in.vector(1);
                        Map<String, Object> attributes = names.isEmpty() ? null : new HashMap<>();
                        for (long r = 0, n = in.rowCount(); r < n; r++) {
                            String u = unit.getString(r);
                            int e = exp.getInt(r);
                            for (int i = 0; i < names.size(); i++) {
                                attributes.put(names.get(i), value(in.vector(i + 2), params.get(i + 2), r));
                            }
                            int vi = assigner.variationIndex(e, u, attributes);
                            double scale = assigner.config().experiments().get(e).hashVersion() == 2 ? 10000 : 1000;
                            result.setLong(r, Math.round(assigner.bucket(e, u) * scale) * SLOTS + vi + 1);
                        }
                    }).register(engine.connection());
        } catch (SQLException e) {
            throw new CeterisException("cannot register the assignment function in DuckDB: " + e.getMessage());
        }
        return name;
    }

    private static DuckDBColumnType kind(Column c) {
        String t = c.type().toUpperCase(Locale.ROOT);
        if (t.equals("BOOLEAN") || t.equals("BOOL")) {
            return DuckDBColumnType.BOOLEAN;
        }
        return c.numeric() ? DuckDBColumnType.DOUBLE : DuckDBColumnType.VARCHAR;
    }

    private static String cast(Dialect d, Column c) {
        DuckDBColumnType k = kind(c);
        String type = k == DuckDBColumnType.BOOLEAN ? "BOOLEAN" : k == DuckDBColumnType.DOUBLE ? "DOUBLE" : "VARCHAR";
        return "CAST(" + d.ident(c.name()) + " AS " + type + ")";
    }

    private static Object value(DuckDBReadableVector v, DuckDBColumnType kind, long r) {
        if (v.isNull(r)) {
            return null;
        }
        if (kind == DuckDBColumnType.BOOLEAN) {
            return v.getBoolean(r);
        }
        if (kind == DuckDBColumnType.DOUBLE) {
            return v.getDouble(r);
        }
        return v.getString(r);
    }

    /** Decodes the codes into the contract's columns. */
    static String longFormat(Dialect d, Assigner assigner, String coded) {
        List<ExperimentConfig> exps = assigner.config().experiments();
        StringBuilder keys = new StringBuilder("[");
        StringBuilder names = new StringBuilder("[");
        StringBuilder scale = new StringBuilder("[");
        for (int e = 0; e < exps.size(); e++) {
            String sep = e > 0 ? ", " : "";
            keys.append(sep).append(d.literal(exps.get(e).key()));
            names.append(sep).append('[');
            for (int v = 0; v < exps.get(e).variations().size(); v++) {
                names.append(v > 0 ? ", " : "").append(d.literal(exps.get(e).variations().get(v)));
            }
            names.append(']');
            scale.append(sep).append(exps.get(e).hashVersion() == 2 ? "10000.0" : "1000.0");
        }
        keys.append(']');
        names.append(']');
        scale.append(']');
        String decoded = "SELECT unit, e, CAST(code % " + SLOTS + " AS INTEGER) - 1 AS vi, (code // " + SLOTS + ") / " + scale
                + "[e] AS bucket FROM (" + coded + ") c";
        return "SELECT unit, " + keys + "[e] AS experiment, CASE WHEN vi >= 0 THEN " + names + "[e][vi + 1] ELSE '' END AS variation, "
                + "vi AS variation_index, bucket, vi >= 0 AS in_experiment FROM (" + decoded + ") t";
    }

    private static String format(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return "FORMAT parquet";
        }
        if (name.endsWith(".csv")) {
            return "FORMAT csv, HEADER";
        }
        throw new CeterisException("--out must end in .parquet or .csv, got " + out.getFileName());
    }
}
