package org.ceteris.engine;

import java.nio.file.Path;

/** What differs between SQL engines: quoting, reading files, and the names of a few functions. */
public interface Dialect {

    /** A quoted identifier. */
    default String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A quoted string literal. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The FROM-clause expression that reads a CSV or Parquet file. */
    String readFile(Path file);

    /** An expression that is the double value of {@code expr} when it is finite, else NULL. */
    String finiteOrNull(String expr);

    /**
     * A numeric column's value as {@link #finiteOrNull}; a boolean column as 1.0/0.0 by a CASE, not a
     * cast: DuckDB pushes a cast of a CSV file's boolean column into the CSV reader, which then fails
     * to read "true" as a number ("Conversion Error: CSV Error on Line 2").
     */
    default String numberOf(Column c) {
        String col = ident(c.name());
        return c.type().equalsIgnoreCase("BOOLEAN") ? "(CASE WHEN " + col + " THEN 1.0 WHEN NOT " + col + " THEN 0.0 END)" : finiteOrNull(col);
    }

    /**
     * The mean of {@code expr} over the group, summed without losing the low digits of large values
     * (a plain double sum of 1,000 values near 1e12 is off by ~0.1; the difference of two such means
     * can be wrong by more than the effect).
     */
    default String accurateMean(String expr) {
        return "avg(" + expr + ")";
    }

    /** A timestamp from {@code expr} (a date, a timestamp or text), NULL where text does not parse. */
    String tryTimestamp(String expr);

    /** Seconds since 1970-01-01 of a timestamp expression, as a double. */
    String epochSeconds(String timestamp);

    /** The expression that casts {@code expr} to text. */
    default String asText(String expr) {
        return "CAST(" + expr + " AS VARCHAR)";
    }

    /**
     * An expression naming the partition a row is processed in, for engines that aggregate in
     * parallel partitions (Spark's {@code spark_partition_id()}). Input queries then group by it as
     * well and merge the partial sufficient statistics in Java in partition order (Chan et al.'s
     * parallel update), so a result does not depend on the order in which the engine would have
     * merged them. Null when the engine aggregates in one piece (DuckDB).
     */
    default String partitionId() {
        return null;
    }

    /**
     * The bit mask of which of {@code columns} (comma-separated) are aggregated away in a row of a
     * {@code GROUPING SETS} query, the first column in the highest bit (SQL's multi-argument
     * {@code GROUPING}).
     */
    default String groupingId(String columns) {
        return "GROUPING(" + columns + ")";
    }

    /** The integer quotient of two integer expressions, rounded towards zero. */
    default String integerDivide(String dividend, String divisor) {
        return "(" + dividend + ") // (" + divisor + ")";
    }

    /** The sum of a BIGINT expression, NULL (not an error, not wrapped around) if it overflows. */
    default String exactSum(String expr) {
        return "sum(" + expr + ")";
    }

    /**
     * The {@code WITH name AS (query) } clause (with a trailing space) naming a sub-query that later
     * parts of one statement read several times; engines that can are told to compute it once.
     */
    default String with(String name, String query) {
        return "WITH " + name + " AS (" + query + ") ";
    }

    /**
     * The quantiles of a DOUBLE expression at {@code levels} as one list-valued aggregate (one sort for
     * all levels), by linear interpolation between order statistics (position (n − 1)·level);
     * {@code filter} is a condition or null. Read its elements with {@link #element}.
     */
    default String quantiles(String expr, double[] levels, String filter) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < levels.length; i++) {
            list.append(i > 0 ? ", " : "").append(levels[i]);
        }
        return "quantile_cont(" + expr + ", " + list + "])" + (filter == null ? "" : " FILTER (WHERE " + filter + ")");
    }

    /** Element {@code index} (1-based) of a list value. */
    default String element(String list, int index) {
        return list + "[" + index + "]";
    }

    /**
     * The {@code p}-quantile of {@code expr} over the group with linear interpolation between the
     * closest ranks (DuckDB's {@code quantile_cont}, Spark's {@code percentile}, R's type 7).
     */
    default String quantile(String expr, double p) {
        return "quantile_cont(" + expr + ", " + p + ")";
    }

    /**
     * The value of {@code expr} on the row of the group with the smallest {@code order}, ties broken by
     * the smallest value, NULL being a value like any other (a unit's slice at its first exposure).
     */
    default String valueAtMin(String expr, String order) {
        return "arg_min_null(" + expr + ", row(" + order + ", " + expr + "))";
    }
}
