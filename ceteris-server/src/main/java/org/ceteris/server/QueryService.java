package org.ceteris.server;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.ceteris.engine.DuckDbEngine;

/**
 * Read-only SQL over the workspace for {@code POST /api/query}: only statements that read
 * (SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) and one statement per
 * request; it runs on a read-only connection that cannot reach files, returns at most the row
 * limit, and is cancelled after the time limit. Anything else is a 400 problem.
 */
final class QueryService implements AutoCloseable {

    private static final Set<String> READING = Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE",
            "SHOW", "SUMMARIZE", "EXPLAIN", "PIVOT", "UNPIVOT");
    private static final Pattern LEADING = Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/|\\()+", Pattern.DOTALL);

    private final WorkspaceState state;
    private final int rowLimit;
    private final long timeoutMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ceteris-query-timer");
        t.setDaemon(true);
        return t;
    });

    QueryService(WorkspaceState state, int rowLimit, long timeoutMs) {
        this.state = state;
        this.rowLimit = rowLimit;
        this.timeoutMs = timeoutMs;
    }

    /** Checks that {@code sql} only reads; returns it without trailing semicolons. */
    static String requireReadOnly(String sql) {
        if (sql == null || sql.isBlank()) {
            throw Problem.badRequest("empty-query", "give a query in the body: {\"sql\": \"SELECT …\"}");
        }
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.contains(";")) {
            throw Problem.badRequest("read-only-sql", "send one statement per request (no ';' between statements)");
        }
        String rest = LEADING.matcher(s).replaceFirst("");
        String first = rest.split("[^A-Za-z_]", 2)[0].toUpperCase(Locale.ROOT);
        if (!READING.contains(first)) {
            throw Problem.badRequest("read-only-sql", "only queries that read are allowed here (SELECT, WITH, FROM, DESCRIBE, "
                    + "SHOW, SUMMARIZE, EXPLAIN); '" + (first.isEmpty() ? rest.substring(0, Math.min(10, rest.length())) : first)
                    + "' would change the workspace or is not a query");
        }
        return s;
    }

    /** Runs the query: {@code columns}, {@code rows}, {@code row_count}, {@code truncated}, {@code row_limit}, {@code elapsed_ms}. */
    Map<String, Object> run(String sql) {
        String checked = requireReadOnly(sql);
        long start = System.nanoTime();
        List<Map<String, String>> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        AtomicBoolean timedOut = new AtomicBoolean();
        state.readLock().lock();
        try (DuckDbEngine engine = state.openReadOnly(); Statement st = engine.connection().createStatement()) {
            ScheduledFuture<?> cancel = timer.schedule(() -> {
                timedOut.set(true);
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // the statement finished meanwhile
                }
            }, timeoutMs, TimeUnit.MILLISECONDS);
            try (ResultSet rs = st.executeQuery(checked)) {
                ResultSetMetaData md = rs.getMetaData();
                int k = md.getColumnCount();
                for (int i = 1; i <= k; i++) {
                    Map<String, String> c = new LinkedHashMap<>();
                    c.put("name", md.getColumnLabel(i));
                    c.put("type", md.getColumnTypeName(i));
                    columns.add(c);
                }
                while (rs.next()) {
                    if (rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(k);
                    for (int i = 1; i <= k; i++) {
                        row.add(jsonValue(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw Problem.badRequest("query-timeout", "the query ran longer than " + timeoutMs / 1000.0
                        + " s and was stopped; filter or aggregate more");
            }
            String line = String.valueOf(e.getMessage()).lines().map(String::strip).filter(x -> !x.isEmpty()).findFirst().orElse("");
            throw Problem.badRequest("sql-error", "SQL error: " + line);
        } finally {
            state.readLock().unlock();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", columns);
        m.put("rows", rows);
        m.put("row_count", rows.size());
        m.put("truncated", truncated);
        m.put("row_limit", rowLimit);
        m.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
        return m;
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return v.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
