import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ceteris.did.Did;
import org.ceteris.did.DidPanel;
import org.ceteris.did.DidResult;
import org.ceteris.did.DidSpec;

/**
 * Callaway & Sant'Anna on a generated panel held in memory (the estimator alone, no SQL).
 * Run: java -Xmx4g -cp ceteris-cli/target/ceteris-all.jar bench/did/CsBench.java [units] [periods] [reps]
 */
public class CsBench {
    public static void main(String[] args) {
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
        DidSpec spec = new DidSpec("u", "t", "y", null, null, "g", null, null, null, false, null, null, 0.05);
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime();
            DidResult res = Did.analyze(spec, panel);
            long t1 = System.nanoTime();
            System.out.printf("run %d: %.2f s, %d ATT(g,t), simple ATT %.4f (se %.4f)%n", rep + 1, (t1 - t0) / 1e9,
                    res.attGt().size(), res.estimate(), res.se());
        }
    }
}
