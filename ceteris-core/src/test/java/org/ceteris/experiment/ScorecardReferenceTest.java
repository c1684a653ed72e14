package org.ceteris.experiment;

import static org.ceteris.experiment.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.MultipleTesting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number of the scorecard against scipy/numpy/statsmodels on generated data with heavy tails,
 * unequal variances, unequal group sizes and means of 1e6 to 5e7 (make_fixtures.py,
 * make_multitest_fixtures.py). Sufficient statistics are computed here from the raw rows; the same
 * fixtures are checked end to end through DuckDB in the engine module.
 */
class ScorecardReferenceTest {

    static final Map<String, Double> REF = Fixtures.expected("ab_expected.csv");
    static final Map<String, Double> MT = Fixtures.expected("multitest_expected.csv");
    static final double ALPHA = 0.05;

    static double ref(String key) {
        Double v = REF.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return v;
    }

    /** Checks the fields every comparison has against {@code prefix/…} reference keys. */
    static void assertComparison(String prefix, Comparison c) {
        double se = ref(prefix + "/se");
        assertClose(ref(prefix + "/estimate"), c.estimate(), prefix + "/estimate");
        assertClose(se, c.se(), prefix + "/se");
        assertClose(ref(prefix + "/p_value"), c.pValue(), prefix + "/p_value");
        assertClose(ref(prefix + "/ci_low"), c.ciLow(), se, prefix + "/ci_low");
        assertClose(ref(prefix + "/ci_high"), c.ciHigh(), se, prefix + "/ci_high");
        double relScale = Math.abs(ref(prefix + "/relative_ci_high") - ref(prefix + "/relative_ci_low"));
        assertClose(ref(prefix + "/relative"), c.relative(), relScale, prefix + "/relative");
        assertClose(ref(prefix + "/relative_ci_low"), c.relativeCiLow(), relScale, prefix + "/relative_ci_low");
        assertClose(ref(prefix + "/relative_ci_high"), c.relativeCiHigh(), relScale, prefix + "/relative_ci_high");
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large", "gaps", "events"})
    void welchMatchesScipy(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        String control = ReferenceData.CONTROL.get(ds);
        for (String v : ReferenceData.variants(d)) {
            if (v.equals(control)) {
                continue;
            }
            for (String metric : List.of("y", "conv")) {
                String key = ds + "/welch/" + metric + "/" + v;
                Comparison c = WelchTest.compare(v, ReferenceData.moments(d, v, metric).a(), control,
                        ReferenceData.moments(d, control, metric).a(), ALPHA);
                assertComparison(key, c);
                assertClose(ref(key + "/df"), c.df(), key + "/df");
                assertNull(c.varianceReduction());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large", "gaps", "events"})
    void cupedMatchesNumpy(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        String control = ReferenceData.CONTROL.get(ds);
        for (String v : ReferenceData.variants(d)) {
            if (v.equals(control)) {
                continue;
            }
            String key = ds + "/cuped/y_x/" + v;
            CoMoments t = ReferenceData.coMoments(d, v, "y", "x");
            CoMoments c = ReferenceData.coMoments(d, control, "y", "x");
            assertClose(ref(key + "/theta"), CupedTest.theta(t, c), key + "/theta");
            Comparison cmp = CupedTest.compare(v, t, control, c, ALPHA);
            assertComparison(key, cmp);
            assertNull(cmp.df(), "CUPED uses normal inference");
            assertClose(ref(key + "/variance_reduction"), cmp.varianceReduction(), key + "/variance_reduction");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large", "gaps", "events"})
    void ratioMatchesNumpy(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        String control = ReferenceData.CONTROL.get(ds);
        for (String v : ReferenceData.variants(d)) {
            if (v.equals(control)) {
                continue;
            }
            String key = ds + "/ratio/num_den/" + v;
            CoMoments t = ReferenceData.coMoments(d, v, "num", "den");
            CoMoments c = ReferenceData.coMoments(d, control, "num", "den");
            assertClose(ref(key + "/ratio_t"), RatioTest.ratio(t), key + "/ratio_t");
            assertClose(ref(key + "/ratio_c"), RatioTest.ratio(c), key + "/ratio_c");
            Comparison cmp = RatioTest.compare(v, t, control, c, ALPHA);
            assertComparison(key, cmp);
            assertNull(cmp.df(), "ratio metrics use normal inference");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large", "gaps", "events"})
    void srmMatchesScipyChisquare(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        List<String> variants = ReferenceData.variants(d);
        Map<String, Long> observed = new LinkedHashMap<>();
        Map<String, Double> equal = new LinkedHashMap<>();
        Map<String, Double> planned = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            String v = variants.get(i);
            observed.put(v, d.variants().stream().filter(v::equals).count());
            equal.put(v, 1.0);
            planned.put(v, ReferenceData.PLANNED.get(ds)[i]);
        }
        for (var split : Map.of("equal", equal, "planned", planned).entrySet()) {
            SrmCheck srm = SrmCheck.of(observed, split.getValue());
            String key = ds + "/srm/" + split.getKey();
            assertClose(ref(key + "/chi2"), srm.chi2(), key + "/chi2");
            assertClose(ref(key + "/p_value"), srm.pValue(), key + "/p_value");
            assertEquals(ref(key + "/p_value") < SrmCheck.THRESHOLD, srm.mismatch(), key + "/mismatch");
        }
    }

    /** The whole scorecard: summaries per variant and p-values adjusted across every (metric, comparison) pair. */
    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large", "gaps", "events"})
    void scorecardAdjustsAcrossTheRunLikeStatsmodels(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        AbInput input = ReferenceData.input(d);
        String control = ReferenceData.CONTROL.get(ds);
        AbSpec main = new AbSpec("variant", control, null, List.of(new MetricSpec.Mean("y", "y", null),
                new MetricSpec.Mean("conv", "conv", null), new MetricSpec.Ratio("num_den", "num", "den")),
                Map.of(), ALPHA, MultipleTesting.Correction.HOLM);
        AbResult r = Scorecard.analyze(main, input);
        int i = 0;
        for (MetricResult m : r.metrics()) {
            String test = m.kind().equals("ratio") ? "ratio" : "welch";
            for (Comparison c : m.comparisons()) {
                assertComparison(ds + "/" + test + "/" + m.metric() + "/" + c.variant(), c);
                assertClose(MT.get(ds + "_main/p/" + i), c.pValue(), "p " + i);
                assertClose(MT.get(ds + "_main/holm/" + i), c.pAdjusted(), ds + " holm " + i);
                i++;
            }
        }
        assertEquals(MT.keySet().stream().filter(k -> k.startsWith(ds + "_main/p/")).count(), i);
        MetricResult y = r.metrics().get(0);
        for (VariantSummary s : y.variants()) {
            assertEquals(ref(ds + "/count/y/" + s.variant()), (double) s.n());
            assertClose(ref(ds + "/mean/y/" + s.variant()), s.mean(), "mean " + s.variant());
            assertClose(ref(ds + "/sd/y/" + s.variant()), s.sd(), "sd " + s.variant());
        }
        MetricResult ratio = r.metrics().get(2);
        for (VariantSummary s : ratio.variants()) {
            if (!s.variant().equals(control)) {
                String key = ds + "/ratio/num_den/" + s.variant();
                assertClose(ref(key + "/ratio_t"), s.mean(), key + " mean");
                assertClose(ref(key + "/sd_t"), s.sd(), key + " sd");
            }
        }
        assertClose(ref(ds + "/srm/equal/p_value"), r.srm().pValue(), "srm p");

        AbSpec cuped = new AbSpec("variant", control, null, List.of(new MetricSpec.Mean("y_cuped", "y", "x")),
                Map.of(), ALPHA, MultipleTesting.Correction.BH);
        AbResult rc = Scorecard.analyze(cuped, input);
        MetricResult m = rc.metrics().get(0);
        double reduction = 0;
        for (int k = 0; k < m.comparisons().size(); k++) {
            Comparison c = m.comparisons().get(k);
            assertComparison(ds + "/cuped/y_x/" + c.variant(), c);
            assertClose(MT.get(ds + "_cuped/fdr_bh/" + k), c.pAdjusted(), ds + " bh " + k);
            reduction += ref(ds + "/cuped/y_x/" + c.variant() + "/variance_reduction");
        }
        assertClose(reduction / m.comparisons().size(), m.varianceReduction(), "mean variance reduction");
    }

    /**
     * Means of 1e7 with a standard deviation near 1 ({@code ab_stable.csv}): the variances, standard
     * errors and Welch degrees of freedom still match numpy's two-pass values to 1e-9, where the
     * textbook Σy² − (Σy)²/n loses every digit. The difference of the means (0.23 on 1e7) is itself
     * conditioned at |ȳ|/|d| ≈ 4e7, so double precision bounds its relative accuracy near 1e-8; it is
     * checked to 1e-6.
     */
    @org.junit.jupiter.api.Test
    void varianceIsStableAtLargeMeans() {
        Fixtures.Data d = ReferenceData.unitLevel("stable");
        for (String v : List.of("B", "control")) {
            CoMoments m = ReferenceData.moments(d, v, "y");
            assertClose(ref("stable/var/y/" + v), m.varA(), "var " + v);
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < d.size(); i++) {
                if (d.variants().get(i).equals(v)) {
                    double y = d.column("y")[i];
                    sum += y;
                    sumSq += y * y;
                }
            }
            double naive = (sumSq - sum * sum / m.n()) / (m.n() - 1);
            double naiveError = Math.abs(naive - ref("stable/var/y/" + v)) / ref("stable/var/y/" + v);
            org.junit.jupiter.api.Assertions.assertTrue(naiveError > 1e-3,
                    "the data should defeat the textbook formula (error " + naiveError + ")");
        }
        Comparison c = WelchTest.compare("B", ReferenceData.moments(d, "B", "y").a(), "control",
                ReferenceData.moments(d, "control", "y").a(), ALPHA);
        String key = "stable/welch/y/B";
        assertClose(ref(key + "/se"), c.se(), key + "/se");
        assertClose(ref(key + "/df"), c.df(), key + "/df");
        double est = ref(key + "/estimate");
        org.junit.jupiter.api.Assertions.assertEquals(est, c.estimate(), 1e-6 * Math.abs(est), key + "/estimate");
        org.junit.jupiter.api.Assertions.assertEquals(ref(key + "/p_value"), c.pValue(), 1e-4 * ref(key + "/p_value"), key + "/p (p moves t² times the estimate's error)");
        Comparison cu = CupedTest.compare("B", ReferenceData.coMoments(d, "B", "y", "x"), "control",
                ReferenceData.coMoments(d, "control", "y", "x"), ALPHA);
        org.junit.jupiter.api.Assertions.assertEquals(ref("stable/cuped/y_x/B/se"), cu.se(), 1e-6 * cu.se(), "cuped se");
    }

    /** Chan et al.'s merge gives the same statistics as one pass, whatever the partition. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 50})
    void mergedPartitionsMatchOnePass(int parts) {
        Fixtures.Data d = ReferenceData.unitLevel("heavy");
        double[] y = d.column("y");
        double[] x = d.column("x");
        CoMoments[] chunk = new CoMoments[parts];
        java.util.Arrays.fill(chunk, CoMoments.EMPTY);
        CoMoments all = CoMoments.EMPTY;
        for (int i = 0; i < d.size(); i++) {
            if (d.variants().get(i).equals("B")) {
                chunk[i % parts] = chunk[i % parts].add(y[i], x[i]);
                all = all.add(y[i], x[i]);
            }
        }
        CoMoments merged = CoMoments.EMPTY;
        for (CoMoments c : chunk) {
            merged = merged.merge(c);
        }
        assertEquals(all.n(), merged.n());
        assertClose(all.meanA(), merged.meanA(), "mean");
        assertClose(all.varA(), merged.varA(), "var y");
        assertClose(all.varB(), merged.varB(), "var x");
        assertClose(all.covAB(), merged.covAB(), "cov");
        assertClose(ref("heavy/sd/y/B"), Math.sqrt(merged.varA()), "sd vs numpy");
    }
}
