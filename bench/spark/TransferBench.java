import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ceteris.engine.Columns;
import org.ceteris.spark.SparkEngine;

/**
 * Benchmark (not a test): a 2M-row, did-shaped result (text unit, period, double, integer) from Spark
 * local[2] into Ceteris's primitive columns, two ways, three rounds: all rows collected first
 * ({@code collectAsList}, what SparkEngine.queryColumns did before) and one partition at a time
 * ({@code toLocalIterator}, what it does now). Prints the wall time and the peak Java heap of each.
 * Build the class path as bench/spark/run.sh's header says, then:
 *   java -Xmx3g $opens -cp ceteris-spark/target/classes:ceteris-engine/target/classes:ceteris-core/target/classes:$(cat /tmp/spark-cp.txt) \
 *        bench/spark/TransferBench.java ["SQL over the view cells"]
 */
public class TransferBench {
    public static void main(String[] args) {
        SparkEngine engine = SparkEngine.open("local[2]");
        SparkSession spark = engine.session();
        spark.range(0, 2_000_000L, 1, 4).selectExpr("CAST(id % 100000 AS STRING) AS unit", "id DIV 100000 AS period",
                "CAST(id AS DOUBLE) * 0.5 AS y", "id % 7 AS g").createOrReplaceTempView("cells");
        spark.sql("CACHE TABLE cells");
        String sql = args.length > 0 ? args[0] : "SELECT unit, period, y, g FROM cells";
        for (int round = 1; round <= 3; round++) {
            resetPeak();
            long t0 = System.nanoTime();
            int collected = collected(spark.sql(sql)).size();
            long t1 = System.nanoTime();
            long collectPeak = peak();
            resetPeak();
            long t2 = System.nanoTime();
            int streamed = engine.queryColumns(sql).size();
            long t3 = System.nanoTime();
            System.out.printf("round %d: collectAsList %.2f s, peak heap %d MB | toLocalIterator %.2f s, peak heap %d MB (%d = %d rows)%n",
                    round, (t1 - t0) / 1e9, collectPeak >> 20, (t3 - t2) / 1e9, peak() >> 20, collected, streamed);
        }
        engine.close();
    }

    /** All rows to the driver first, then into columns (SparkEngine.queryColumns before). */
    private static Columns collected(Dataset<Row> df) {
        List<String> names = List.of(df.columns());
        List<Columns.Kind> kinds = new ArrayList<>();
        for (var f : df.schema().fields()) {
            kinds.add(Columns.Kind.of(f.dataType().sql()));
        }
        List<Row> rows = df.collectAsList();
        Columns.Builder b = new Columns.Builder(names, kinds, rows.size());
        for (Row r : rows) {
            b.next();
            for (int i = 0; i < names.size(); i++) {
                b.set(i, r.isNullAt(i) ? null : r.get(i));
            }
        }
        return b.build();
    }

    private static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peak() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getPeakUsage().getUsed();
            }
        }
        return used;
    }
}
