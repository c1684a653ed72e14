import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark helper for bench/ab-100m.sh and bench/ab-csv/run.sh (not a test): {@code generate FILE ROWS}
 * writes the experiment Parquet file with DuckDB SQL ({@code generate-csv FILE ROWS}: a CSV file with
 * six decimals); {@code query FILE} runs the bare per-variant aggregate the scorecard needs and
 * prints its wall time ({@code query-cuped FILE}: with avg(x) and var_samp(x) as well, everything
 * CUPED needs). A .csv FILE is read with DuckDB's default {@code read_csv}. Uses the same DuckDB
 * JDBC jar as Ceteris.
 */
public class BareQuery {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            boolean csv = args[1].endsWith(".csv");
            if (args[0].startsWith("generate")) {
                s.execute("SELECT setseed(0.42)");
                String m = csv ? "round(x + 0.5 * (hash(i) % 2) + 3 * random(), 6)" : "x + 0.5 * (hash(i) % 2) + 3 * random()";
                s.execute("COPY (SELECT i AS unit, CASE WHEN hash(i) % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                        + m + " AS m, " + (csv ? "round(x, 6) AS x " : "x ")
                        + "FROM (SELECT i, 20 + 10 * random() AS x FROM range(" + Long.parseLong(args[2]) + ") r(i))) "
                        + "TO '" + args[1] + "' " + (csv ? "(HEADER)" : "(FORMAT parquet)"));
            } else {
                String cuped = args[0].equals("query-cuped") ? ", avg(x), var_samp(x)" : "";
                try (ResultSet rs = s.executeQuery("SELECT variant, count(*), avg(m), var_samp(m), covar_samp(m, x)" + cuped
                        + " FROM " + (csv ? "read_csv" : "read_parquet") + "('" + args[1] + "') GROUP BY variant ORDER BY variant")) {
                    while (rs.next()) {
                        System.out.printf("%s n=%d mean=%.6f var=%.6f cov=%.6f%n", rs.getString(1), rs.getLong(2),
                                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
                    }
                }
            }
            System.out.printf("%s: %.2f s in DuckDB%n", args[0], (System.nanoTime() - t0) / 1e9);
        }
    }
}
