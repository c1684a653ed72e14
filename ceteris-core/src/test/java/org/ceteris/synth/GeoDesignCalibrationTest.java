package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded calibration of {@code geo-design}: on panels from a stationary two-factor model, the power
 * that the backtests over the history report at a known effect matches the rejection rate of the real
 * test — {@link SynthAnalysis} with placebos, as {@code ceteris synth --placebos} runs it — when the
 * effect is really injected into the periods after the history. Averaged over many panels, the two
 * must agree within ±5 points. One fixed test set (two units given as the only candidates), so no
 * choice among sets flatters the reported power.
 */
class GeoDesignCalibrationTest {

    static final int UNITS = 16;
    static final int HISTORY = 36;
    static final int DURATION = 4;

    /** y = 100 + level + loadings·(AR(1) factors) + noise; units U00..U15, times 1..times. */
    static SynthPanel panel(Random rng, int units, int times) {
        double[] f1 = new double[times];
        double[] f2 = new double[times];
        double a = 0;
        double b = 0;
        for (int t = 0; t < times; t++) {
            a = 0.7 * a + rng.nextGaussian();
            b = 0.5 * b + rng.nextGaussian();
            f1[t] = a;
            f2[t] = b;
        }
        List<String> names = new ArrayList<>();
        double[][] y = new double[units][times];
        for (int u = 0; u < units; u++) {
            names.add(String.format(Locale.ROOT, "U%02d", u));
            double level = 100 + 10 * rng.nextDouble();
            double l1 = 2 + 2 * rng.nextDouble();
            double l2 = 2 * rng.nextGaussian();
            for (int t = 0; t < times; t++) {
                y[u][t] = level + l1 * f1[t] + l2 * f2[t] + 1.5 * rng.nextGaussian();
            }
        }
        double[] ts = new double[times];
        for (int t = 0; t < times; t++) {
            ts[t] = t + 1;
        }
        return new SynthPanel(names, ts, y, new double[0][], null);
    }

    /** The history: the first {@code times} periods. */
    static SynthPanel head(SynthPanel p, int times) {
        double[][] y = new double[p.units().size()][];
        for (int u = 0; u < y.length; u++) {
            y[u] = java.util.Arrays.copyOf(p.outcome()[u], times);
        }
        return new SynthPanel(p.units(), java.util.Arrays.copyOf(p.times(), times), y, new double[0][], null);
    }

    /** The real test after the history: the test units' mean as one treated unit, effect injected, synth with placebos. */
    static boolean realTestRejects(SynthPanel p, List<String> test, double effect, int history, int duration, double alpha) {
        int times = history + duration;
        List<String> names = new ArrayList<>(List.of("test"));
        List<double[]> rows = new ArrayList<>();
        double[] mean = new double[times];
        for (int u = 0; u < p.units().size(); u++) {
            double[] row = java.util.Arrays.copyOf(p.outcome()[u], times);
            if (test.contains(p.units().get(u))) {
                for (int t = 0; t < times; t++) {
                    mean[t] += (t >= history ? 1 + effect : 1) * row[t] / test.size();
                }
            } else {
                names.add(p.units().get(u));
                rows.add(row);
            }
        }
        rows.add(0, mean);
        SynthPanel real = new SynthPanel(names, java.util.Arrays.copyOf(p.times(), times), rows.toArray(new double[0][]), new double[0][],
                null);
        SynthSpec spec = new SynthSpec("unit", "time", "y", List.of("test"), history + 1, List.of(), null, null, List.of(), List.of(),
                SynthSpec.Estimator.CLASSIC, SynthSpec.VSearch.NESTED, true, null, false, alpha, 1, List.of());
        SynthResult r = SynthAnalysis.analyze(spec, real, "test", Parallel.sequential());
        return r.pValue() <= alpha + 1e-12;
    }

    /** Mean reported power and the real rejection rate over {@code panels} seeded panels. */
    static double[] compare(long seed, int panels, double effect) {
        Random rng = new Random(seed);
        double power = 0;
        double rejected = 0;
        List<String> test = List.of("U00", "U01");
        for (int i = 0; i < panels; i++) {
            SynthPanel full = panel(rng, UNITS, HISTORY + DURATION);
            GeoDesignSpec spec = new GeoDesignSpec("unit", "time", "y", 2, DURATION, List.of(effect), test, 0.1, 1, 100);
            GeoDesignResult r = GeoDesign.design(spec, head(full, HISTORY), Parallel.sequential());
            power += r.best().power().get(0).power();
            rejected += realTestRejects(full, test, effect, HISTORY, DURATION, 0.1) ? 1 : 0;
        }
        return new double[] {power / panels, rejected / panels};
    }

    /** At no effect (the test's size, about alpha) and at an effect with about 80% power. */
    @Test
    void reportedPowerMatchesRealRejectionRate() {
        for (double effect : new double[] {0, 0.03}) {
            double[] r = compare(20261204L, 400, effect);
            assertEquals(r[1], r[0], 0.05, "effect " + effect + ": reported power " + r[0] + ", real rejection rate " + r[1]);
        }
    }

    /** The same over 2000 panels and four effects (seen: 0.120/0.100, 0.539/0.585, 0.788/0.825, 0.907/0.933 at 400). */
    @Test
    @Tag("slow")
    void reportedPowerMatchesRealRejectionRateLong() {
        for (double effect : new double[] {0, 0.02, 0.03, 0.04}) {
            double[] r = compare(7L, 2000, effect);
            assertEquals(r[1], r[0], 0.05, "effect " + effect + ": reported power " + r[0] + ", real rejection rate " + r[1]);
        }
    }
}
