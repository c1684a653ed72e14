import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes an experiment table of N rows as Parquet with DuckDB (seeded, in SQL): user, variant (3 arms),
 * watch minutes with a pre-period covariate, a 0/1 conversion, plays and sessions.
 * Run: java -cp ceteris-cli/target/ceteris-all.jar bench/spark/MakeParquet.java 10000000 /tmp/ceteris-spark-bench.parquet
 */
public class MakeParquet {
    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        String out = args[1];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("COPY (SELECT i AS user, ['control', 'a', 'b'][1 + (hash(i) % 3)::INT] AS variant, "
                    + "exp(2 + 0.8 * sqrt(-2 * ln(random())) * cos(2 * pi() * random())) AS pre_watch, "
                    + "sqrt(-2 * ln(random())) * cos(2 * pi() * random()) AS z, "
                    + "CASE WHEN random() < 0.2 THEN 1 ELSE 0 END AS converted, "
                    + "1 + (random() * 6)::INT AS sessions, (random() * 20)::INT AS plays "
                    + "FROM range(" + n + ") t(i)) TO '" + out + ".tmp.parquet' (FORMAT parquet)");
            st.execute("COPY (SELECT user, variant, 10 + 0.7 * pre_watch + 4 * z + CASE variant WHEN 'a' THEN 0.3 ELSE 0 END AS watch, "
                    + "pre_watch, converted, plays, sessions FROM '" + out + ".tmp.parquet') TO '" + out + "' (FORMAT parquet, ROW_GROUP_SIZE 1000000)");
            new java.io.File(out + ".tmp.parquet").delete();
        }
    }
}
