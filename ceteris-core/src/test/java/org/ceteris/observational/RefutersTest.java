package org.ceteris.observational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DoWhy-style refuters on simulated data with a known effect. */
class RefutersTest {

    private static final List<String> ALL = List.of("placebo", "random-cause", "subset", "bootstrap");

    private static Refutation find(ObserveResult r, String name) {
        return r.refutations().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void knownEffectSurvivesEveryRefuter() {
        ObservationalData d = Simulated.confounded(11, 1000, 3.0, 1.0);
        for (Method m : List.of(Method.MATCH, Method.IPW)) {
            ObserveSpec spec = m == Method.MATCH ? Simulated.matchWithReplacement(ALL, 5) : Simulated.spec(m, Estimand.ATT, ALL, 5);
            ObserveResult r = ObservationalAnalysis.analyze(spec, d, 0);
            assertEquals(3.0, r.estimate(), 0.4, m.label());
            Refutation placebo = find(r, "placebo");
            assertEquals(0.0, placebo.estimate(), 0.25, "placebo effect near zero, " + m.label());
            assertTrue(placebo.passed(), m.label());
            for (String name : List.of("random-cause", "subset", "bootstrap")) {
                Refutation x = find(r, name);
                assertEquals(3.0, x.estimate(), 0.4, name + " stays near the truth, " + m.label());
                assertTrue(x.passed(), name + " " + m.label());
            }
            assertTrue(r.diagnostics().stream().noneMatch(g -> g.code().equals("REFUTATION_FAILED")), m.label());
        }
    }

    @Test
    void noEffectIsFlaggedByThePlacebo() {
        // strongly confounded, true effect 0: the adjusted estimate is near 0 and no different from placebo effects
        ObservationalData d = Simulated.confounded(12, 1000, 0.0, 1.5);
        ObserveResult r = ObservationalAnalysis.analyze(Simulated.spec(Method.AIPW, Estimand.ATE, List.of("placebo"), 5), d, 0);
        assertEquals(0.0, r.estimate(), 0.3);
        assertFalse(find(r, "placebo").passed());
        assertTrue(r.diagnostics().stream().anyMatch(g -> g.code().equals("REFUTATION_FAILED")));
        assertTrue(r.summary().contains("raised doubts"), r.summary());
    }

    @Test
    void sameSeedSameRefutationsOtherSeedOtherDraws() {
        ObservationalData d = Simulated.confounded(13, 400, 1.0, 1.0);
        ObserveResult a = ObservationalAnalysis.analyze(Simulated.spec(Method.MATCH, Estimand.ATT, ALL, 9), d, 0);
        ObserveResult b = ObservationalAnalysis.analyze(Simulated.spec(Method.MATCH, Estimand.ATT, ALL, 9), d, 0);
        ObserveResult c = ObservationalAnalysis.analyze(Simulated.spec(Method.MATCH, Estimand.ATT, ALL, 10), d, 0);
        assertEquals(a.refutations(), b.refutations());
        assertFalse(a.refutations().equals(c.refutations()));
    }
}
