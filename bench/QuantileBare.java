import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark helper for bench/ab-quantile.sh (not a test): {@code generate FILE ROWS} writes a skewed
 * (log-normal) experiment Parquet file; {@code query FILE Q} runs the bare DuckDB query
 * {@code SELECT variant, quantile_cont(m, Q) … GROUP BY variant} and prints its wall time.
 */
public class QuantileBare {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            if (args[0].equals("generate")) {
                s.execute("COPY (SELECT i AS unit, CASE WHEN hash(i) % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                        + "exp(3 + 1.2 * (random() + random() + random() - 1.5) + 0.03 * (hash(i) % 2)) AS m "
                        + "FROM range(" + Long.parseLong(args[2]) + ") r(i)) TO '" + args[1] + "' (FORMAT parquet)");
            } else {
                try (ResultSet rs = s.executeQuery("SELECT variant, quantile_cont(m, " + Double.parseDouble(args[2])
                        + ") FROM read_parquet('" + args[1] + "') GROUP BY variant ORDER BY variant")) {
                    while (rs.next()) {
                        System.out.printf("%s q=%.6f%n", rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            System.out.printf("%s: %.2f s in DuckDB%n", args[0], (System.nanoTime() - t0) / 1e9);
        }
    }
}
