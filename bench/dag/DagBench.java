import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ceteris.dag.AdjustmentSets;
import org.ceteris.dag.Dag;
import org.ceteris.dag.Effect;

/**
 * Times the enumeration of all minimal adjustment sets of bench/dag/sixty.dag in-process (after
 * warm-up; median of 20 runs). Run from the repository root after building the CLI jar:
 *   java -cp ceteris-cli/target/ceteris-all.jar bench/dag/DagBench.java bench/dag/sixty.dag
 */
public class DagBench {
    public static void main(String[] args) throws Exception {
        Dag dag = Dag.parse(Files.readString(Path.of(args.length > 0 ? args[0] : "bench/dag/sixty.dag")));
        String x = dag.exposures().get(0);
        String y = dag.outcomes().get(0);
        int sets = 0;
        for (int i = 0; i < 10; i++) {
            sets = dag.adjustmentSets(x, y, Effect.TOTAL).minimalSets().size();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            AdjustmentSets a = dag.adjustmentSets(x, y, Effect.TOTAL);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            sets = a.minimalSets().size();
        }
        Arrays.sort(ms);
        long t0 = System.nanoTime();
        Dag cold = Dag.parse(Files.readString(Path.of(args.length > 0 ? args[0] : "bench/dag/sixty.dag")));
        System.out.printf("nodes %d, edges %d, minimal sets %d: median %.1f ms, min %.1f ms, max %.1f ms (20 warm runs; parse %.1f ms)%n",
                dag.nodes().size(), dag.edges().size(), sets, ms[ms.length / 2], ms[0], ms[ms.length - 1], (System.nanoTime() - t0) / 1e6);
    }
}
