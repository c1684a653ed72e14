package org.ceteris.spark;

import java.nio.file.Path;
import java.util.function.Function;
import org.ceteris.engine.Dialect;

/**
 * Spark SQL: back-quoted identifiers, backslash-escaped string literals, {@code STRING} for text,
 * no {@code isfinite} (NaN and ±∞ are tested one by one), files read as temporary views created
 * with {@code spark.read} (CSV with a header and inferred types, Parquet as it is), and
 * {@code spark_partition_id()} so that input queries return per-partition statistics that Ceteris
 * merges itself in a fixed order.
 */
public final class SparkDialect implements Dialect {

    private final Function<String, String> fileView;

    /** {@code fileView} registers a file, folder or URI as a temporary view and returns the view's name. */
    SparkDialect(Function<String, String> fileView) {
        this.fileView = fileView;
    }

    @Override
    public String ident(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String readFile(Path file) {
        return ident(fileView.apply(file.toString()));
    }

    @Override
    public String finiteOrNull(String expr) {
        String x = "CAST(" + expr + " AS DOUBLE)";
        return "(CASE WHEN isnan(" + x + ") OR abs(" + x + ") = double('Infinity') THEN NULL ELSE " + x + " END)";
    }

    @Override
    public String tryTimestamp(String expr) {
        return "try_cast(" + expr + " AS TIMESTAMP)";
    }

    @Override
    public String epochSeconds(String timestamp) {
        return "CAST(unix_micros(" + timestamp + ") AS DOUBLE) / 1e6";
    }

    @Override
    public String asText(String expr) {
        return "CAST(" + expr + " AS STRING)";
    }

    /** Spark's {@code grouping} takes one column; {@code grouping_id} is the multi-column form. */
    @Override
    public String groupingId(String columns) {
        return "grouping_id(" + columns + ")";
    }

    @Override
    public String integerDivide(String dividend, String divisor) {
        return "((" + dividend + ") div (" + divisor + "))";
    }

    @Override
    public String exactSum(String expr) {
        return "try_sum(" + expr + ")";
    }

    @Override
    public String valueAtMin(String expr, String order) {
        return "min_by(" + expr + ", struct(" + order + ", " + expr + "))";
    }

    @Override
    public String quantile(String expr, double p) {
        return "percentile(" + expr + ", " + p + ")";
    }

    @Override
    public String partitionId() {
        return "spark_partition_id()";
    }

    /** Spark's exact {@code percentile} interpolates linearly at (n − 1)·level, as DuckDB's quantile_cont. */
    @Override
    public String quantiles(String expr, double[] levels, String filter) {
        StringBuilder list = new StringBuilder("array(");
        for (int i = 0; i < levels.length; i++) {
            list.append(i > 0 ? ", " : "").append(levels[i]);
        }
        return "percentile(" + expr + ", " + list + "))" + (filter == null ? "" : " FILTER (WHERE " + filter + ")");
    }

    @Override
    public String element(String list, int index) {
        return "element_at(" + list + ", " + index + ")";
    }
}
