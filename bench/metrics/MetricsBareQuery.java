import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark helper for bench/metrics/run.sh (not a test). {@code generate DIR UNITS ROWS} writes an
 * exposure log (UNITS members, first exposures over 14 days, a quarter exposed twice) and an activity
 * log (ROWS viewing sessions of 1.2 × UNITS members, heavy users first (member index ∝ uniform³), from 14 days before to 30 days after the start) as
 * Parquet with DuckDB SQL. {@code query DIR} runs the single hand-written DuckDB query a data scientist
 * would write for the same study as bench/metrics/ceteris.yaml — first exposures, five windowed metrics
 * with a p99 cap and 14-day CUPED covariates, units exposed to two variants dropped, incomplete windows
 * left out — returning the same per-variant sums, and prints its wall time. Same DuckDB JDBC jar as Ceteris.
 */
public class MetricsBareQuery {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            String dir = args[1];
            if (args[0].equals("generate")) {
                long units = Long.parseLong(args[2]);
                long rows = Long.parseLong(args[3]);
                s.execute("COPY (SELECT 'm' || lpad(CAST(i AS VARCHAR), 8, '0') AS member_id, 'home_row' AS experiment, "
                        + "CASE WHEN hash(i) % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                        + "TIMESTAMP '2026-03-01' + to_seconds(CAST(hash(i * 7) % (14 * 86400) AS BIGINT)) AS ts, "
                        + "['BR', 'DE', 'US'][1 + CAST(hash(i * 3) % 3 AS INTEGER)] AS country "
                        + "FROM range(" + units + ") r(i) "
                        + "UNION ALL SELECT 'm' || lpad(CAST(i AS VARCHAR), 8, '0'), 'home_row', "
                        + "CASE WHEN hash(i) % 2 = 0 THEN 'control' ELSE 'B' END, "
                        + "TIMESTAMP '2026-03-01' + to_seconds(CAST(hash(i * 7) % (14 * 86400) + 3600 AS BIGINT)), 'US' "
                        + "FROM range(0, " + units + ", 4) r(i)) TO '" + dir + "/exposures.parquet' (FORMAT parquet)");
                s.execute("COPY (SELECT 'm' || lpad(CAST(CAST(floor(pow(random(), 3) * " + (units * 6 / 5) + ") AS BIGINT) AS VARCHAR), 8, '0') AS member_id, "
                        + "TIMESTAMP '2026-02-15' + to_seconds(CAST(floor(random() * 44 * 86400) AS BIGINT)) AS ts, "
                        + "round(-35 * ln(1 - random()) * CASE WHEN random() < 0.01 THEN 20 ELSE 1 END, 2) AS minutes, "
                        + "CASE WHEN random() < 0.4 THEN 'tv' ELSE 'phone' END AS device "
                        + "FROM range(" + rows + ") r(i)) TO '" + dir + "/activity.parquet' (FORMAT parquet)");
            } else {
                String sql = """
                        WITH x AS (
                          SELECT member_id, min(ts) AS t0, min(variant) AS v, count(DISTINCT variant) AS nv
                          FROM read_parquet('DIR/exposures.parquet') WHERE experiment = 'home_row' GROUP BY member_id),
                        b AS (SELECT max(ts) AS t_end FROM read_parquet('DIR/activity.parquet')),
                        s AS (
                          SELECT x.member_id,
                            sum(CASE WHEN a.ts >= x.t0 AND a.ts < x.t0 + INTERVAL 7 DAY THEN a.minutes END) AS watch,
                            sum(CASE WHEN a.ts >= x.t0 - INTERVAL 14 DAY AND a.ts < x.t0 THEN a.minutes END) AS watch_pre,
                            count(CASE WHEN a.ts >= x.t0 AND a.ts < x.t0 + INTERVAL 7 DAY THEN 1 END) AS sessions,
                            count(CASE WHEN a.ts >= x.t0 - INTERVAL 14 DAY AND a.ts < x.t0 THEN 1 END) AS sessions_pre,
                            sum(CASE WHEN a.ts >= x.t0 AND a.ts < x.t0 + INTERVAL 14 DAY AND a.device = 'tv' THEN a.minutes END) AS tv,
                            sum(CASE WHEN a.ts >= x.t0 - INTERVAL 14 DAY AND a.ts < x.t0 AND a.device = 'tv' THEN a.minutes END) AS tv_pre,
                            max(CASE WHEN a.ts >= x.t0 + INTERVAL 7 DAY AND a.ts < x.t0 + INTERVAL 14 DAY THEN 1 ELSE 0 END) AS ret,
                            max(CASE WHEN a.ts >= x.t0 - INTERVAL 14 DAY AND a.ts < x.t0 THEN 1 ELSE 0 END) AS ret_pre
                          FROM x JOIN read_parquet('DIR/activity.parquet') a ON a.member_id = x.member_id
                            AND a.ts >= x.t0 - INTERVAL 14 DAY AND a.ts < x.t0 + INTERVAL 14 DAY
                          WHERE x.nv = 1 GROUP BY x.member_id),
                        u AS (
                          SELECT x.v,
                            CASE WHEN x.t0 + INTERVAL 7 DAY <= b.t_end THEN coalesce(s.watch, 0) END AS watch, coalesce(s.watch_pre, 0) AS watch_pre,
                            CASE WHEN x.t0 + INTERVAL 7 DAY <= b.t_end THEN coalesce(s.sessions, 0) END AS sessions, coalesce(s.sessions_pre, 0) AS sessions_pre,
                            CASE WHEN x.t0 + INTERVAL 14 DAY <= b.t_end THEN coalesce(s.tv, 0) END AS tv, coalesce(s.tv_pre, 0) AS tv_pre,
                            CASE WHEN x.t0 + INTERVAL 14 DAY <= b.t_end THEN coalesce(s.ret, 0) END AS ret, coalesce(s.ret_pre, 0) AS ret_pre
                          FROM x CROSS JOIN b LEFT JOIN s ON s.member_id = x.member_id WHERE x.nv = 1),
                        c AS (SELECT quantile_cont(watch, 0.99) AS cap, quantile_cont(watch_pre, 0.99) AS cap_pre FROM u),
                        k AS (SELECT u.*, CASE WHEN watch > cap THEN cap ELSE watch END AS capped, CASE WHEN watch_pre > cap_pre THEN cap_pre ELSE watch_pre END AS capped_pre FROM u, c)
                        SELECT v, count(*) AS n,
                          count(watch), sum(watch), sum(watch * watch), sum(watch_pre), sum(watch_pre * watch_pre), sum(watch * watch_pre),
                          count(sessions), sum(sessions), sum(sessions * sessions), sum(sessions_pre), sum(sessions_pre * sessions_pre), sum(sessions * sessions_pre),
                          count(tv), sum(tv), sum(tv * tv), sum(tv_pre), sum(tv_pre * tv_pre), sum(tv * tv_pre),
                          count(ret), sum(ret), sum(ret_pre), sum(ret * ret_pre),
                          count(capped), sum(capped), sum(capped * capped), sum(capped_pre), sum(capped_pre * capped_pre), sum(capped * capped_pre)
                        FROM k GROUP BY v ORDER BY v""".replace("DIR", dir);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        System.out.printf("%s n=%d watch: n=%d sum=%.6f  capped: n=%d sum=%.6f%n", rs.getString(1), rs.getLong(2),
                                rs.getLong(3), rs.getDouble(4), rs.getLong(25), rs.getDouble(26));
                    }
                }
            }
            System.out.printf("%s: %.2f s in DuckDB%n", args[0], (System.nanoTime() - t0) / 1e9);
        }
    }
}
