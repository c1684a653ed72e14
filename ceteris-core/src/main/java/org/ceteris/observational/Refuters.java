package org.ceteris.observational;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ceteris.CeterisException;
import org.ceteris.stats.Distributions;

/**
 * DoWhy's refutation tests (Sharma &amp; Kiciman 2020), each re-running the whole analysis
 * (propensity model, trimming, estimate) {@link #SIMULATIONS} times:
 * <ul>
 * <li>{@code placebo}: the treatment is randomly permuted; the effect should vanish, and the real
 *     estimate should stand out from the placebo effects;</li>
 * <li>{@code random-cause}: an independent standard normal covariate is added; the estimate should
 *     not move;</li>
 * <li>{@code subset}: a random 80% of units is analysed; the estimate should not move;</li>
 * <li>{@code bootstrap}: units are resampled with replacement; the estimate should not move.</li>
 * </ul>
 * The p-value compares the original estimate with the simulated ones, z = (θ̂ − mean)/sd (DoWhy's
 * normal approximation for fewer than 100 simulations); for the placebo the spread is
 * √(sd² + SE(θ̂)²), because permuted treatments give effects narrower than the estimate's own
 * sampling spread when treatment is confounded, which would let a null effect "stand out". All draws come from a
 * {@link SplittableRandom} seeded from the spec's seed and the refuter's name. Cost: SIMULATIONS
 * times one analysis.
 */
final class Refuters {

    static final int SIMULATIONS = 20;
    static final double SUBSET_FRACTION = 0.8;

    private Refuters() {
    }

    static List<Refutation> run(ObserveSpec spec, ObservationalData data, double original, double originalSe) {
        List<Refutation> out = new ArrayList<>();
        for (String name : spec.refuters()) {
            SplittableRandom rng = new SplittableRandom(spec.seed() * 31 + name.hashCode());
            double[] sims = new double[SIMULATIONS];
            int ok = 0;
            for (int s = 0; s < SIMULATIONS; s++) {
                try {
                    sims[ok] = Pipeline.run(spec, simulate(name, data, rng)).estimate().estimate();
                    ok++;
                } catch (CeterisException e) {
                    // a draw where the analysis cannot run (e.g. a subset without untreated units) is skipped
                }
            }
            double mean = 0;
            for (int s = 0; s < ok; s++) {
                mean += sims[s];
            }
            mean /= ok;
            double ss = 0;
            for (int s = 0; s < ok; s++) {
                ss += (sims[s] - mean) * (sims[s] - mean);
            }
            double sd = ok > 1 ? Math.sqrt(ss / (ok - 1)) : Double.NaN;
            double p;
            if (ok < 2) {
                p = Double.NaN;
            } else {
                // the placebo effects are centred near zero but are narrower than the estimate's own sampling
                // spread under confounding, so the estimate's standard error joins the comparison there
                double spread = name.equals("placebo") ? Math.sqrt(sd * sd + originalSe * originalSe) : sd;
                p = spread > 0 ? Distributions.normalTwoSidedP((original - mean) / spread) : original == mean ? 1.0 : 0.0;
            }
            boolean passed = !Double.isNaN(p) && (name.equals("placebo") ? p < spec.alpha() : p >= spec.alpha());
            out.add(new Refutation(name, ok == 0 ? Double.NaN : mean, p, passed));
        }
        return out;
    }

    static ObservationalData simulate(String name, ObservationalData data, SplittableRandom rng) {
        int n = data.size();
        switch (name) {
            case "placebo": {
                boolean[] t = data.treated().clone();
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    boolean tmp = t[i];
                    t[i] = t[j];
                    t[j] = tmp;
                }
                return data.withTreatment(t);
            }
            case "random-cause": {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rng.nextGaussian();
                }
                return data.withCovariate(new Covariate.Numeric("random_common_cause", v));
            }
            case "subset": {
                int m = (int) Math.round(SUBSET_FRACTION * n);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                for (int i = 0; i < m; i++) {
                    int j = i + rng.nextInt(n - i);
                    int tmp = idx[i];
                    idx[i] = idx[j];
                    idx[j] = tmp;
                }
                int[] rows = java.util.Arrays.copyOf(idx, m);
                java.util.Arrays.sort(rows);
                return data.select(rows);
            }
            case "bootstrap": {
                int[] rows = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = rng.nextInt(n);
                }
                java.util.Arrays.sort(rows);
                return data.select(rows);
            }
            default:
                throw new IllegalArgumentException("unknown refuter " + name);
        }
    }
}
