import java.nio.file.Path;
import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.inputs.ObservationalInputs;
import org.ceteris.observational.BalanceTable;
import org.ceteris.observational.DesignMatrix;
import org.ceteris.observational.Estimand;
import org.ceteris.observational.LogisticRegression;
import org.ceteris.observational.MatchedSets;
import org.ceteris.observational.MatchingEstimator;
import org.ceteris.observational.Method;
import org.ceteris.observational.ObserveSpec;
import org.ceteris.observational.PropensityFit;

/**
 * Times the stages of `ceteris observe --method match` on a CSV file: loading through DuckDB,
 * the propensity model, 1:1 nearest-neighbour matching, the balance table.
 * Run: java -cp ceteris-cli/target/ceteris-all.jar:bench/observational ObserveBench FILE [repeats]
 */
public final class ObserveBench {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> covs = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10");
        ObserveSpec spec = new ObserveSpec("treat", "y", covs, Method.MATCH, Estimand.ATT, 1, false, Double.NaN, 0,
                List.of(), 1, 0.05);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            ObservationalInputs.Loaded in;
            try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
                in = ObservationalInputs.load(engine, new Source.File(file), spec);
            }
            long t1 = System.nanoTime();
            var d = in.data();
            DesignMatrix x = DesignMatrix.of(d.covariates(), d.size());
            PropensityFit ps = LogisticRegression.fit(x, d.treated());
            long t2 = System.nanoTime();
            MatchingEstimator m = new MatchingEstimator(1, false, Double.NaN);
            MatchedSets sets = m.match(d.treated(), ps.scores());
            var est = m.estimate(d.outcome(), d.treated(), x.columns(), ps.scores(), Estimand.ATT);
            long t3 = System.nanoTime();
            var bal = BalanceTable.of(x, d.treated(), x.columns(), d.treated(), est.weights(), Estimand.ATT);
            long t4 = System.nanoTime();
            System.out.printf("n=%d load %.2f s, propensity %.2f s (%d iterations), matching+ATT %.2f s (%d sets), "
                            + "balance %.2f s, total without load %.2f s; ATT %.10f SE %.10f%n",
                    d.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, ps.model().iterations(), (t3 - t2) / 1e9, sets.sets(),
                    (t4 - t3) / 1e9, (t4 - t1) / 1e9, est.estimate(), est.se());
        }
    }
}
