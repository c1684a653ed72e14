package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Rows;
import org.ceteris.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ceteris sql}: run SQL over a workspace and print the rows. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run SQL over a workspace: a query prints its rows; COPY … TO 'x.parquet' (FORMAT parquet) exports and says how many rows it wrote.")
public final class SqlCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, csv, json }

    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})") Format format;

    @Parameters(index = "0", paramLabel = "QUERY") String query;

    @Override
    public Integer call() {
        if (query.isBlank()) {
            throw new CeterisException("the query is empty");
        }
        DuckDbEngine.Outcome outcome;
        try (DuckDbEngine engine = workspace.open().engine(true)) {
            outcome = engine.statement(query);
        } catch (CeterisException e) {
            throw readOnlyHint(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Rows rows = outcome.rows();
        if (rows == null) {
            // COPY … TO, and any other statement that returns no rows: say what it did
            String count = outcome.count() < 0 ? "" : String.format(Locale.ROOT, "%,d row%s", outcome.count(), outcome.count() == 1 ? "" : "s");
            switch (format) {
                case json -> out.println(Json.write(Map.of("rows_affected", outcome.count())));
                case csv -> out.println("rows_affected\n" + outcome.count());
                case table -> out.println(query.strip().toUpperCase(Locale.ROOT).startsWith("COPY")
                        ? "done: " + (count.isEmpty() ? "the export" : count) + " written (COPY)" : "done" + (count.isEmpty() ? "" : ": " + count + " affected"));
            }
            out.flush();
            return 0;
        }
        switch (format) {
            case json -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (List<Object> r : rows.rows()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < rows.columns().size(); i++) {
                        m.put(rows.columns().get(i), jsonValue(r.get(i)));
                    }
                    list.add(m);
                }
                out.println(Json.write(list));
            }
            case csv -> {
                out.println(String.join(",", rows.columns().stream().map(SqlCommand::csvCell).toList()));
                for (List<Object> r : rows.rows()) {
                    out.println(String.join(",", r.stream().map(v -> v == null ? "" : csvCell(v.toString())).toList()));
                }
            }
            case table -> {
                TextTable t = new TextTable(rows.columns());
                for (List<Object> r : rows.rows()) {
                    t.row(r.stream().map(v -> v == null ? "NULL" : v.toString()).toList());
                }
                out.print(t.render());
                out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
            }
        }
        out.flush();
        return 0;
    }

    /** DuckDB's "attached in read-only mode" said as what the user can do instead; other errors as they are. */
    static CeterisException readOnlyHint(CeterisException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher statement = java.util.regex.Pattern.compile("statement of type \"(\\w+)\"").matcher(m);
        if (!m.contains("read-only mode") || !statement.find()) {
            return e;
        }
        return new CeterisException("ceteris sql is read-only and " + statement.group(1) + " would change the workspace: query it with SELECT, "
                + "export with COPY (SELECT …) TO 'file.parquet' (FORMAT parquet), add tables with ceteris import", e);
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return v.toString();
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
