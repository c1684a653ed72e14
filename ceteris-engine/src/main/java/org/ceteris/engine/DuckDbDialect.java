package org.ceteris.engine;

import java.nio.file.Path;
import java.util.Locale;
import org.ceteris.CeterisException;

/** DuckDB's SQL: {@code read_csv}/{@code read_parquet} table functions and {@code isfinite}. */
public final class DuckDbDialect implements Dialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    /**
     * The CSV reader's buffer: 2 MiB, DuckDB's longest line by default ({@code max_line_size}), so every
     * file DuckDB reads by default still reads. DuckDB's default buffer is 16 times that, and with two
     * threads it holds several: reading the 105 MB, 1M-row CSV of bench/paths took ~100 MB more
     * resident memory with the default and was no faster (BENCHMARKS.md, "paths").
     */
    public static final String CSV_BUFFER = "buffer_size = 2097152";

    private DuckDbDialect() {
    }

    @Override
    public String readFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path = literal(file.toString());
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return "read_parquet(" + path + ")";
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return "read_csv(" + path + ", header = true, auto_detect = true, sample_size = -1, " + CSV_BUFFER + ")";
        }
        throw new CeterisException("cannot read " + file + ": use a .csv, .tsv or .parquet file");
    }

    @Override
    public String accurateMean(String expr) {
        // fsum is Kahan-Babuska summation; DuckDB's avg(DOUBLE) is a plain running sum
        return "(fsum(" + expr + ") / count(" + expr + "))";
    }

    @Override
    public String with(String name, String query) {
        return "WITH " + name + " AS MATERIALIZED (" + query + ") ";
    }

    @Override
    public String tryTimestamp(String expr) {
        return "TRY_CAST(" + expr + " AS TIMESTAMP)";
    }

    @Override
    public String epochSeconds(String timestamp) {
        return "CAST(epoch_us(" + timestamp + ") AS DOUBLE) / 1e6";
    }

    @Override
    public String finiteOrNull(String expr) {
        return "(CASE WHEN isfinite(CAST(" + expr + " AS DOUBLE)) THEN CAST(" + expr + " AS DOUBLE) END)";
    }
}
