import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * Benchmark (not a test) of the three ways a DuckDB result reaches Java as columns: JDBC rows of
 * boxed objects (what Engine.query did), JDBC getLong/getDouble/getString per cell into primitive
 * arrays (what Engine.queryColumns does), and DuckDB's Arrow export read batch by batch into the
 * same arrays. The result is the did panel shape: per (unit, period) cell a text unit, a BIGINT
 * period, a DOUBLE mean, two BIGINTs; ROWS cells (default 2,000,000). See bench/transfer/run.sh.
 */
public class ColumnFetchBench {

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                BufferAllocator allocator = new RootAllocator()) {
            s.execute("CREATE TABLE cells AS SELECT CAST(i // 20 AS VARCHAR) AS u, i % 20 + 1 AS t, random() AS y, "
                    + "CAST(1 AS BIGINT) AS n, (i // 20) % 6 * 3 AS ft FROM range(" + rows + ") r(i)");
            String sql = "SELECT * FROM cells";
            for (int r = 0; r < rounds; r++) {
                for (String way : List.of("jdbc-objects", "jdbc-columns", "arrow")) {
                    System.gc();
                    long t0 = System.nanoTime();
                    long c0 = cpu();
                    double check = switch (way) {
                        case "jdbc-objects" -> objects(s, sql);
                        case "jdbc-columns" -> columns(s, sql, (int) rows);
                        default -> arrow(s, sql, (int) rows, allocator);
                    };
                    System.out.printf("round %d %-13s %.3f s wall %.3f s cpu (check %.6f)%n", r, way,
                            (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9, check);
                }
            }
        }
    }

    static double objects(Statement s, String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(5);
                for (int i = 1; i <= 5; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        double sum = 0;
        for (List<Object> row : out) {
            sum += ((Number) row.get(2)).doubleValue();
        }
        return sum;
    }

    static double columns(Statement s, String sql, int n) throws Exception {
        int[] u = new int[n];
        long[] t = new long[n];
        double[] y = new double[n];
        long[] k = new long[n];
        long[] ft = new long[n];
        Map<String, Integer> dict = new HashMap<>();
        int i = 0;
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                u[i] = dict.computeIfAbsent(rs.getString(1), x -> dict.size());
                t[i] = rs.getLong(2);
                y[i] = rs.getDouble(3);
                k[i] = rs.getLong(4);
                ft[i] = rs.getLong(5);
                i++;
            }
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return sum;
    }

    static double arrow(Statement s, String sql, int n, BufferAllocator allocator) throws Exception {
        int[] u = new int[n];
        long[] t = new long[n];
        double[] y = new double[n];
        long[] k = new long[n];
        long[] ft = new long[n];
        Map<String, Integer> dict = new HashMap<>();
        int i = 0;
        try (ResultSet rs = s.executeQuery(sql);
                ArrowReader reader = (ArrowReader) rs.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 65536)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                VarCharVector uv = (VarCharVector) root.getVector(0);
                BigIntVector tv = (BigIntVector) root.getVector(1);
                Float8Vector yv = (Float8Vector) root.getVector(2);
                BigIntVector kv = (BigIntVector) root.getVector(3);
                BigIntVector fv = (BigIntVector) root.getVector(4);
                for (int r = 0; r < root.getRowCount(); r++, i++) {
                    u[i] = dict.computeIfAbsent(new String(uv.get(r), java.nio.charset.StandardCharsets.UTF_8), x -> dict.size());
                    t[i] = tv.get(r);
                    y[i] = yv.get(r);
                    k[i] = kv.get(r);
                    ft[i] = fv.get(r);
                }
            }
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return sum;
    }
}
