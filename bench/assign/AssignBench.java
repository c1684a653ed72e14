import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.Assigner;
import org.ceteris.assignment.AssignConfigYaml;
import org.ceteris.assignment.BulkAssignment;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;

/**
 * Assignment benchmark (not a test): in-process assignments per second on one thread, and bulk
 * assignment of a unit table to Parquet. Run with bench/assign/run.sh.
 */
public final class AssignBench {

    static final String CONFIG = """
            namespaces:
              homepage: {}
              player: {}
            experiments:
              - {key: row-ranking, variations: [control, personalised], weights: [0.3, 0.7], coverage: 0.8, namespace: [homepage, 0.0, 0.5], hash_version: 2}
              - {key: hero, variations: [control, big, small], weights: [0.5, 0.25, 0.25], namespace: [homepage, 0.5, 1.0], hash_version: 2}
              - {key: autoplay, variations: [control, on], namespace: [player, 0.0, 0.6], hash_version: 2}
              - {key: artwork, variations: [control, v1, v2, v3], coverage: 0.9, hash_version: 2}
            """;

    public static void main(String[] args) throws Exception {
        long inProcessUnits = Long.parseLong(args.length > 0 ? args[0] : "5000000");
        long bulkUnits = Long.parseLong(args.length > 1 ? args[1] : "10000000");
        AssignConfig config = AssignConfigYaml.parse(CONFIG, "bench.yaml");
        Assigner assigner = new Assigner(config);
        int k = assigner.size();
        String[] ids = new String[1 << 20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "member-" + (1_000_000_000L + i * 7919L);
        }
        int[] index = new int[k];
        double[] bucket = new double[k];
        long checksum = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4; round++) { // the first rounds warm up the JIT
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (long u = 0; u < inProcessUnits; u++) {
                assigner.assignInto(ids[(int) (u & (ids.length - 1))], null, index, bucket);
                checksum += index[0] + index[k - 1];
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "in-process round %d: %,d units x %d experiments: wall %.2f s = %,.0f assignments/s;"
                    + " thread CPU %.2f s = %,.0f assignments per CPU-second%n",
                    round, inProcessUnits, k, s, inProcessUnits * k / s, cpu, inProcessUnits * k / cpu);
        }
        System.out.println("checksum " + checksum);

        Path dir = Files.createTempDirectory("ceteris-bench");
        Path units = dir.resolve("units.parquet");
        Path out = dir.resolve("assignments.parquet");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("COPY (SELECT 'member-' || (1000000000 + i) AS member_id FROM range(" + bulkUnits + ") t(i)) TO '"
                    + units + "' (FORMAT parquet)");
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        BulkAssignment.Summary s;
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("SET temp_directory = '" + dir.resolve("spill") + "'");
            s = BulkAssignment.run(engine, new Source.File(units), "member_id", assigner, out);
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "bulk: %,d units -> %,d rows (Parquet, %,d MB): wall %.1f s = %,.0f units/s; process CPU %.1f s%n",
                s.units(), s.rows(), Files.size(out) >> 20, sec, s.units() / sec, cpu);
        for (Path p : List.of(units, out)) {
            Files.deleteIfExists(p);
        }
    }
}
