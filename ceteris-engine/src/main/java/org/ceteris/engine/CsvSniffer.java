package org.ceteris.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ceteris.CeterisException;

/**
 * Reads a CSV file's dialect and column types once per engine, so that the queries of a command
 * read the file without sniffing it again. {@code read_csv(…, sample_size = -1)} sniffs the whole
 * file on one thread before every query that names it — on a 160 MB file four times the cost of
 * the parallel scan itself. Here DuckDB's {@code sniff_csv} looks at its default sample (the first
 * ~20,480 rows) and the queries read with the explicit {@code read_csv(…, auto_detect=false,
 * columns={…})} it returns.
 *
 * <p>The types are the whole-file sniff's ones: a value later in the file that does not fit a sniffed
 * type fails the query with a conversion error, and {@link #wholeFile} then gives the SQL that reads
 * with the whole-file sniff instead (the engine runs it once more, and a study's input queries run
 * again from their type checks, {@link DuckDbEngine#stableRead}). The one case a sample can get
 * wrong without an error is a column with no value in the sample (typed VARCHAR, where the whole
 * file could say DOUBLE): a text column whose first {@value #SAMPLE} values are all empty is sniffed
 * over the whole file from the start. Cost: one read of the first rows per file.
 */
final class CsvSniffer {

    /** Fewer rows than DuckDB's sniffing sample of 20,480 (measured: 20,470 empty cells → still typed). */
    static final int SAMPLE = 20_000;

    private final Map<Path, String> sniffed = new HashMap<>();
    private final Map<String, String> whole = new HashMap<>();
    private int switches;

    /** How many times a query had to switch files to their whole-file sniff. */
    int switches() {
        return switches;
    }

    /** The FROM-clause expression reading a CSV {@code file}; {@code wholeFile} is the one that sniffs every row. */
    String relation(DuckDbEngine engine, Path file, String wholeFile) {
        String known = sniffed.get(file);
        if (known != null) {
            return known;
        }
        String relation = sniff(engine, file, wholeFile);
        sniffed.put(file, relation);
        if (!relation.equals(wholeFile)) {
            whole.put(relation, wholeFile);
        }
        return relation;
    }

    /**
     * {@code sql} with every sampled relation replaced by its whole-file one when {@code message} is a
     * CSV conversion error (a value the sample did not foresee), else null. A file switched once stays switched.
     */
    String wholeFile(String sql, String message) {
        if (message == null || !(message.contains("Conversion Error") || message.contains("CSV Error")
                || message.contains("Could not convert"))) {
            return null;
        }
        String out = sql;
        for (Map.Entry<String, String> e : whole.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        if (out.equals(sql)) {
            return null;
        }
        sniffed.replaceAll((path, relation) -> whole.getOrDefault(relation, relation));
        switches++;
        return out;
    }

    private static String sniff(DuckDbEngine engine, Path file, String wholeFile) {
        String path = file.toString();
        if (path.contains("'")) {
            return wholeFile;
        }
        String prompt;
        try {
            prompt = engine.rawQuery("SELECT Prompt AS p FROM sniff_csv(" + DuckDbDialect.INSTANCE.literal(path)
                    + ", header = true)").getString(0, "p");
        } catch (CeterisException e) {
            return wholeFile; // the whole-file read reports the problem as it always did
        }
        String relation = prompt == null ? "" : prompt.strip();
        if (!relation.startsWith("FROM read_csv(") || !relation.endsWith(");")) {
            return wholeFile;
        }
        relation = relation.substring("FROM ".length(), relation.length() - 2) + ", " + DuckDbDialect.CSV_BUFFER + ")";
        if (relation.chars().filter(c -> c == '\'').count() % 2 != 0) {
            return wholeFile; // a name with a quote in it is not escaped in the prompt
        }
        try {
            Rows described = engine.rawQuery("DESCRIBE SELECT * FROM " + relation);
            List<String> text = new ArrayList<>();
            for (int i = 0; i < described.size(); i++) {
                if (described.getString(i, "column_type").toUpperCase(Locale.ROOT).equals("VARCHAR")) {
                    text.add(DuckDbDialect.INSTANCE.ident(described.getString(i, "column_name")));
                }
            }
            if (!text.isEmpty() && emptyInSample(engine, relation, text)) {
                return wholeFile;
            }
        } catch (CeterisException e) {
            return wholeFile;
        }
        return relation;
    }

    private static boolean emptyInSample(DuckDbEngine engine, String relation, List<String> columns) {
        StringBuilder sql = new StringBuilder("SELECT count(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", count(").append(columns.get(i)).append(") AS c").append(i);
        }
        sql.append(" FROM (SELECT * FROM ").append(relation).append(" LIMIT ").append(SAMPLE).append(") s");
        Rows r = engine.rawQuery(sql.toString());
        for (int i = 0; i < columns.size(); i++) {
            if (r.getLong(0, "n") > 0 && r.getLong(0, "c" + i) == 0) {
                return true;
            }
        }
        return false;
    }
}
