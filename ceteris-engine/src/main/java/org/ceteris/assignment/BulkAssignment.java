package org.ceteris.assignment;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;
import org.ceteris.assign.Assigner;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Identifiers;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Assigns every unit of a table in every experiment of a config and writes one row per (unit,
 * experiment) — {@code unit, experiment, variation, variation_index, bucket, in_experiment} — to
 * Parquet or CSV through DuckDB. Units stream from DuckDB, are assigned in Java by {@link Assigner}
 * and go back through the Appender one wide row per unit; DuckDB unnests them to the long format
 * while writing the file. Memory stays bounded by DuckDB's buffer manager, not by the Java heap.
 */
public final class BulkAssignment {

    /** What was written. */
    public record Summary(long units, long rows, Path out) {
    }

    private BulkAssignment() {
    }

    public static Summary run(DuckDbEngine engine, Source source, String idColumn, Assigner assigner, Path out) {
        String format = format(out);
        List<Column> columns = engine.columns(source);
        Dialect d = engine.dialect();
        String id = Identifiers.requireColumn(columns, idColumn, source).name();
        List<String> attrs = new ArrayList<>();
        for (String a : assigner.attributeNames()) {
            Column c = columns.stream().filter(x -> x.name().equals(a)).findFirst().orElse(null);
            if (c == null) {
                throw new CeterisException("the conditions use attribute '" + a + "', which is not a column of "
                        + source.describe() + " (columns: " + String.join(", ", columns.stream().map(Column::name).toList()) + ")");
            }
            attrs.add(c.name());
        }
        String relation = engine.relation(source);
        String text = d.asText(d.ident(id));
        Rows missing = engine.query("SELECT count(*) AS n FROM " + relation + " WHERE " + text + " IS NULL OR " + text + " = ''");
        long nMissing = missing.getLong(0, "n");
        if (nMissing > 0) {
            throw new CeterisException(String.format(Locale.ROOT, "%,d row(s) of %s have no unit id in column '%s'; every unit needs an id",
                    nMissing, source.describe(), id));
        }
        int k = assigner.size();
        engine.execute("DROP TABLE IF EXISTS ceteris_assigned");
        StringBuilder ddl = new StringBuilder("CREATE TABLE ceteris_assigned (unit VARCHAR");
        for (int e = 0; e < k; e++) {
            ddl.append(", v").append(e).append(" INTEGER, b").append(e).append(" DOUBLE");
        }
        engine.execute(ddl.append(")").toString());
        StringBuilder select = new StringBuilder("SELECT ").append(text);
        for (String a : attrs) {
            select.append(", ").append(d.ident(a));
        }
        select.append(" FROM ").append(relation);
        long units = 0;
        try (DuckDBConnection reader = ((DuckDBConnection) engine.connection()).duplicate();
                Statement st = reader.createStatement();
                ResultSet rs = st.executeQuery(select.toString());
                DuckDBAppender app = engine.appender("ceteris_assigned")) {
            int[] index = new int[k];
            double[] bucket = new double[k];
            Map<String, Object> attributes = attrs.isEmpty() ? null : new HashMap<>();
            while (rs.next()) {
                String unit = rs.getString(1);
                if (attributes != null) {
                    for (int i = 0; i < attrs.size(); i++) {
                        attributes.put(attrs.get(i), attributeValue(rs.getObject(i + 2)));
                    }
                }
                assigner.assignInto(unit, attributes, index, bucket);
                app.beginRow().append(unit);
                for (int e = 0; e < k; e++) {
                    app.append(index[e]).append(bucket[e]);
                }
                app.endRow();
                units++;
            }
        } catch (SQLException e) {
            throw new CeterisException("bulk assignment failed: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        engine.execute("COPY (" + longFormat(d, assigner) + ") TO " + d.literal(out.toAbsolutePath().toString()) + " (" + format + ")");
        engine.execute("DROP TABLE ceteris_assigned");
        return new Summary(units, units * k, out);
    }

    /** The long format: unit-major, experiments in config order. */
    static String longFormat(Dialect d, Assigner assigner) {
        List<ExperimentConfig> exps = assigner.config().experiments();
        StringBuilder keys = new StringBuilder("[");
        StringBuilder names = new StringBuilder("[");
        StringBuilder vs = new StringBuilder("[");
        StringBuilder bs = new StringBuilder("[");
        for (int e = 0; e < exps.size(); e++) {
            String sep = e > 0 ? ", " : "";
            keys.append(sep).append(d.literal(exps.get(e).key()));
            names.append(sep).append('[');
            for (int v = 0; v < exps.get(e).variations().size(); v++) {
                names.append(v > 0 ? ", " : "").append(d.literal(exps.get(e).variations().get(v)));
            }
            names.append(']');
            vs.append(sep).append('v').append(e);
            bs.append(sep).append('b').append(e);
        }
        String inner = "SELECT unit, unnest(generate_series(1, " + exps.size() + ")) AS e, unnest(" + vs + "]) AS vi, unnest("
                + bs + "]) AS bucket FROM ceteris_assigned";
        return "SELECT unit, " + keys + "][e] AS experiment, CASE WHEN vi >= 0 THEN " + names + "][e][vi + 1] ELSE '' END AS variation, "
                + "vi AS variation_index, bucket, vi >= 0 AS in_experiment FROM (" + inner + ") t";
    }

    private static Object attributeValue(Object o) {
        if (o == null || o instanceof String || o instanceof Boolean) {
            return o;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        return o.toString();
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
