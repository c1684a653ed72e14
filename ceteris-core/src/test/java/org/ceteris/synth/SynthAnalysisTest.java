package org.ceteris.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proposition 99 end to end against ADH (2010): weights, gaps, ATT and the placebo rank 1/39. */
class SynthAnalysisTest {

    static SynthResult prop99;
    static final AtomicInteger PROGRESS = new AtomicInteger();

    static SynthSpec prop99Spec(boolean placebos, boolean conformal, SynthSpec.Estimator estimator) {
        List<PredictorSpec> preds = List.of(PredictorSpec.parseMean("lnincome:1980-1988"), PredictorSpec.parseMean("age15to24:1980-1988"),
                PredictorSpec.parseMean("retprice:1980-1988"), PredictorSpec.parseMean("beer:1984-1988"),
                PredictorSpec.parseSpecial("cigsale@1988"), PredictorSpec.parseSpecial("cigsale@1980"), PredictorSpec.parseSpecial("cigsale@1975"));
        return new SynthSpec("state", "year", "cigsale", List.of("California"), 1989, preds, 1970.0, 1988.0, List.of(), List.of(),
                estimator, SynthSpec.VSearch.NESTED, placebos, null, conformal, 0.1, 1, List.of());
    }

    /** The panel as SynthInputs would return it, built here from the CSV. */
    static SynthPanel panel(SynthSpec spec) throws Exception {
        PanelCsv p = new PanelCsv("smoking_prop99.csv", "state", "year");
        List<String> units = new ArrayList<>(p.rows.keySet());
        units.sort(String::compareTo);
        double[] times = PanelCsv.range(1970, 2000);
        double[][] y = new double[units.size()][times.length];
        double[][] x = new double[spec.predictors().size()][units.size()];
        for (int u = 0; u < units.size(); u++) {
            for (int t = 0; t < times.length; t++) {
                y[u][t] = p.value(units.get(u), times[t], spec.outcome());
            }
            for (int i = 0; i < x.length; i++) {
                PredictorSpec ps = spec.predictors().get(i);
                x[i][u] = ps.special() ? p.value(units.get(u), ps.at(), ps.column())
                        : p.mean(units.get(u), ps.column(), PanelCsv.range(ps.from(), ps.to()));
            }
        }
        return new SynthPanel(units, times, y, x, null);
    }

    static ExecutorService pool;

    @BeforeAll
    static void fit() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        SynthSpec spec = prop99Spec(true, true, SynthSpec.Estimator.CLASSIC);
        prop99 = SynthAnalysis.analyze(spec, panel(spec), "California", new Parallel(pool, (d, n) -> PROGRESS.incrementAndGet()));
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
    }

    @Test
    void weightsMatchTable2() {
        assertEquals(0.334, prop99.weights().get("Utah"), 0.02);
        assertEquals(0.234, prop99.weights().get("Nevada"), 0.02);
        assertEquals(0.199, prop99.weights().get("Montana"), 0.02);
        assertEquals(0.164, prop99.weights().get("Colorado"), 0.02);
        assertEquals(0.069, prop99.weights().get("Connecticut"), 0.02);
        assertEquals(38, prop99.weights().size());
        double sum = 0;
        for (double w : prop99.weights().values()) {
            assertTrue(w >= 0);
            sum += w;
        }
        assertEquals(1, sum, 1e-5);
        assertEquals("Utah", prop99.weights().keySet().iterator().next());
    }

    @Test
    void gapsAndAttAsPublished() {
        assertEquals(-19.0, prop99.att(), 0.6);
        SynthResult.Gap last = prop99.gaps().get(prop99.gaps().size() - 1);
        assertEquals(2000L, last.time());
        assertEquals(-25.8, last.gap(), 1.0);
        // consistency: synthetic = Σ w Y for every period, gap = actual − synthetic
        for (SynthResult.Gap g : prop99.gaps()) {
            assertEquals(g.actual() - g.synthetic(), g.gap(), 1e-9);
        }
        assertEquals(1.76, prop99.preRmspe(), 0.1);
    }

    @Test
    void placeboRankIsOneIn39() {
        assertEquals(38, prop99.placebos().size());
        assertEquals(1.0 / 39, prop99.pValue(), 1e-12);
        assertTrue(PROGRESS.get() >= 38);
        assertNotNull(prop99.leaveOneOut());
        assertEquals(5, prop99.leaveOneOut().size());
        assertNotNull(prop99.inTimePlacebo());
    }

    @Test
    void balanceUsesTheFittedWeights() {
        SynthResult.Balance b = prop99.balance().get(4);
        assertEquals("cigsale@1988", b.predictor());
        assertEquals(90.1, b.treated(), 0.05);
        assertEquals(91.6677, b.synthetic(), 0.6);
        assertEquals(7, prop99.predictorWeights().size());
    }

    @Test
    void conformalIntervalsCoverTheGapEstimate() {
        assertEquals(12, prop99.intervals().size());
        List<SynthResult.Gap> post = prop99.gaps().stream().filter(g -> ((Number) g.time()).doubleValue() >= 1989).toList();
        assertEquals(12, post.size());
        for (int i = 0; i < 12; i++) {
            SynthResult.Interval iv = prop99.intervals().get(i);
            SynthResult.Gap gap = post.get(i);
            assertEquals(gap.time(), iv.time(), "interval and gap of the same year");
            assertTrue(iv.low() <= gap.gap() && gap.gap() <= iv.high(), "year " + iv.time() + ": " + iv + " does not cover the gap " + gap.gap());
            // and says something: at most 20 packs wide (the widest, 1997-2000, are about 18; the gaps reach -26)
            assertTrue(iv.high() - iv.low() < 20, "year " + iv.time() + ": " + iv);
        }
        // by 2000 the effect is clearly negative
        assertTrue(prop99.intervals().get(11).high() < 0, prop99.intervals().get(11).toString());
    }

    @Test
    void summaryIsPlain() {
        String s = prop99.summary();
        assertTrue(s.contains("lower"), s);
        assertTrue(s.contains("Utah"), s);
        assertTrue(!s.toLowerCase().contains("p-value"), s);
    }
}
