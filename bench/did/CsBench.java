import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ceteris.did.Did;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidResult;
import org.ceteris.did.DidSpec;

/**
 * Callaway & Sant'Anna on a panel held in memory (the estimator alone, no SQL): a generated one, or
 * the panel of a CSV file read the way `ceteris did` reads it (unit, period, y, first_treated),
 * before the clock starts. Run 1 is the estimator in a fresh JVM, as in a one-shot command.
 * Run: java -cp ceteris-cli/target/ceteris-all.jar bench/did/CsBench.java [units] [periods] [reps]
 *      java -cp ceteris-cli/target/ceteris-all.jar bench/did/CsBench.java FILE.csv [reps]
 */
public class CsBench {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].endsWith(".csv")) {
            DidSpec spec = new DidSpec("unit", "period", "y", null, null, "first_treated", DidSpec.ComparisonGroup.NEVER,
                    DidSpec.DidEstimator.DR, List.of(), false, null, null, 0.05);
            DidPanel panel;
            try (org.ceteris.engine.DuckDbEngine e = org.ceteris.engine.DuckDbEngine.inMemory()) {
                panel = org.ceteris.inputs.DidInputs.load(e, new org.ceteris.engine.Source.File(java.nio.file.Path.of(args[0])), spec);
            }
            time(spec, panel, args.length > 1 ? Integer.parseInt(args[1]) : 3);
            return;
        }
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int periods = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long[] cohorts = {0, 5, 8, 11, 14, 17};  // never + 5 cohorts
        SplittableRandom rng = new SplittableRandom(1);
        List<String> labels = new ArrayList<>();
        long[] ps = new long[periods];
        for (int t = 0; t < periods; t++) {
            ps[t] = t + 1;
        }
        int rows = units * periods;
        int[] u = new int[rows];
        int[] p = new int[rows];
        double[] y = new double[rows];
        long[] ft = new long[units];
        int r = 0;
        for (int i = 0; i < units; i++) {
            labels.add(Integer.toString(i));
            ft[i] = cohorts[rng.nextInt(cohorts.length)];
            double alpha = rng.nextDouble() * 2;
            for (int t = 0; t < periods; t++) {
                u[r] = i;
                p[r] = t;
                y[r] = alpha + 0.1 * t + (ft[i] > 0 && t + 1 >= ft[i] ? 1.0 : 0.0) + rng.nextDouble() - 0.5;
                r++;
            }
        }
        DidPanel panel = new DidPanel(labels, ps, u, p, y, null, null, ft, List.of(), new double[0][], 0);
        time(new DidSpec("u", "t", "y", null, null, "g", null, null, null, false, null, null, 0.05), panel, reps);
    }

    private static void time(DidSpec spec, DidPanel panel, int reps) {
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime();
            DidResult res = Did.analyze(spec, panel);
            long t1 = System.nanoTime();
            System.out.printf("run %d: %.2f s, %d ATT(g,t), simple ATT %.10f (se %.10f)%n", rep + 1, (t1 - t0) / 1e9,
                    res.attGt().size(), res.estimate(), res.se());
        }
    }
}
