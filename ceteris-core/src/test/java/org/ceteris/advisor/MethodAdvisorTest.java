package org.ceteris.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The classic cases of the field each get the design a careful data scientist would choose. */
class MethodAdvisorTest {

    private static Situation situation(Boolean randomisable, Integer treated, Integer pre, Boolean comparison,
                                       Boolean staggered, Boolean covariates, Boolean dag, Boolean early, Integer variants) {
        return new Situation(randomisable, treated, 1000, pre, comparison, staggered, covariates, dag, early, variants, null);
    }

    @Test
    void randomisableChangeGetsAnExperiment() {
        Advice a = MethodAdvisor.advise(situation(true, null, null, null, null, null, null, false, 3));
        assertEquals("ab", a.method());
        assertTrue(a.command().startsWith("ceteris ab"));
    }

    @Test
    void continuousLookingGetsASequentialTestWithDemotionForManyArms() {
        Advice a = MethodAdvisor.advise(situation(true, null, null, null, null, null, null, true, 5));
        assertEquals("sequential", a.method());
        assertTrue(a.command().contains("--demote"));
    }

    @Test
    void billboardInOneCityGetsSyntheticControl() {
        Advice a = MethodAdvisor.advise(situation(false, 1, 79, true, false, false, false, null, null));
        assertEquals("synth", a.method());
    }

    @Test
    void oneCityWithAShortHistoryIsNotSyntheticControl() {
        Advice a = MethodAdvisor.advise(situation(false, 1, 3, true, false, false, false, null, null));
        assertEquals("did", a.method());
    }

    @Test
    void regionalRolloutGetsStaggeredDid() {
        Advice a = MethodAdvisor.advise(situation(false, 48, 6, true, true, false, false, null, null));
        assertEquals("did", a.method());
        assertTrue(a.command().contains("--first-treated"));
        assertTrue(a.design().contains("Callaway"));
    }

    @Test
    void selfSelectedReferralGetsPropensityMethodsAndAskForADag() {
        Advice noDag = MethodAdvisor.advise(situation(false, 5000, 0, true, false, true, false, null, null));
        assertEquals("observe", noDag.method());
        assertTrue(noDag.warnings().stream().anyMatch(w -> w.contains("causal graph")));
        Advice withDag = MethodAdvisor.advise(situation(false, 5000, 0, true, false, true, true, null, null));
        assertTrue(withDag.command().startsWith("ceteris dag adjust"));
    }

    @Test
    void noComparisonAndNoHistoryIsNotIdentified() {
        Advice a = MethodAdvisor.advise(situation(false, 10, 0, false, false, false, false, null, null));
        assertEquals("none", a.method());
    }
}
