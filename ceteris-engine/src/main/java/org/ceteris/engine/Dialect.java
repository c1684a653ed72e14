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
}
