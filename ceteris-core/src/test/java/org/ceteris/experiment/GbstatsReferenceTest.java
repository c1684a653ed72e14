package org.ceteris.experiment;

import static org.ceteris.experiment.Fixtures.assertClose;

import java.util.Map;
import org.ceteris.sequential.AsymptoticConfidenceSequence;
import org.ceteris.sequential.Reading;
import org.ceteris.stats.CoMoments;
import org.ceteris.stats.Moments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relative lift, ratio metrics, CUPED (absolute and relative) and the asymptotic confidence
 * sequence against GrowthBook's gbstats on the same data (gbstats_expected.csv, written by
 * make_gbstats_fixtures.py with gbstats 0.8.0): an implementation we did not write, so a misreading
 * of a formula cannot be shared by the code and its reference (ab_expected.csv re-derives the same
 * formulas with numpy). gbstats' EffectMoments give the estimate and standard error of each
 * difference; its intervals use Student's t where Ceteris uses the normal, so only the sequential
 * intervals, which both build the same way, are compared as intervals.
 */
class GbstatsReferenceTest {

    static final Map<String, Double> GB = Fixtures.expected("gbstats_expected.csv");

    static double gb(String key) {
        Double v = GB.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no gbstats value " + key);
        }
        return v;
    }

    static void assertEffect(String key, Effect e) {
        assertClose(gb(key + "/estimate"), e.estimate(), key + "/estimate");
        assertClose(gb(key + "/se"), e.se(), key + "/se");
        assertClose(gb(key + "/relative"), e.relative(), key + "/relative");
        assertClose(gb(key + "/relative_se"), e.relativeSe(), key + "/relative_se");
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large"})
    void meanRatioAndCupedMatchGbstats(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        String control = ReferenceData.CONTROL.get(ds);
        for (String v : ReferenceData.variants(d)) {
            if (v.equals(control)) {
                continue;
            }
            assertEffect(ds + "/mean/" + v, WelchTest.effect(ReferenceData.moments(d, v, "y").a(), ReferenceData.moments(d, control, "y").a()));
            assertEffect(ds + "/ratio/" + v, RatioTest.effect(ReferenceData.coMoments(d, v, "num", "den"),
                    ReferenceData.coMoments(d, control, "num", "den")));
            CoMoments t = ReferenceData.coMoments(d, v, "y", "x");
            CoMoments c = ReferenceData.coMoments(d, control, "y", "x");
            assertClose(gb(ds + "/cuped/" + v + "/theta"), CupedTest.theta(t, c), ds + "/cuped/theta");
            assertEffect(ds + "/cuped/" + v, CupedTest.effect(t, c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy", "large"})
    void confidenceSequenceMatchesGbstats(String ds) {
        Fixtures.Data d = ReferenceData.unitLevel(ds);
        String control = ReferenceData.CONTROL.get(ds);
        for (String v : ReferenceData.variants(d)) {
            if (v.equals(control)) {
                continue;
            }
            String key = ds + "/sequential/" + v;
            Moments mt = ReferenceData.moments(d, v, "y").a();
            Moments mc = ReferenceData.moments(d, control, "y").a();
            Reading r = new AsymptoticConfidenceSequence(0.05, 5000).read(WelchTest.effect(mt, mc), mt.n() + mc.n(), null);
            double width = gb(key + "/ci_high") - gb(key + "/ci_low");
            assertClose(gb(key + "/estimate"), r.estimate(), key + "/estimate");
            assertClose(gb(key + "/ci_low"), r.low(), width, key + "/ci_low");
            assertClose(gb(key + "/ci_high"), r.high(), width, key + "/ci_high");
            assertClose(gb(key + "/p_value"), r.pValue(), key + "/p_value");
        }
    }
}
