package org.ceteris.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TWFE event study against statsmodels with explicit unit and period dummies (make_fixtures.py). */
class TwfeEventStudyTest {

    @ParameterizedTest
    @CsvSource({"full,,", "window,-3,2"})
    void matchesStatsmodels(String label, Integer low, Integer high) {
        DidPanel panel = Fixtures.panel(Fixtures.csv("panel_es.csv"), "unit", "time", "y", null, null, "first_treated");
        DidSpec spec = new DidSpec("unit", "time", "y", null, null, "first_treated", null, null, null, true, low, high, 0.05);
        DidResult r = Did.analyze(spec, panel);
        assertEquals("event_study", r.design());
        List<Map<String, String>> ref = Fixtures.csv("ref_es_" + label + ".csv");
        assertEquals(ref.size(), r.eventStudy().size());
        for (int i = 0; i < ref.size(); i++) {
            DidResult.EventTimeEstimate e = r.eventStudy().get(i);
            assertEquals((long) Fixtures.num(ref.get(i), "event_time"), e.eventTime());
            assertEquals(Fixtures.num(ref.get(i), "estimate"), e.estimate(), 1e-8, "event time " + e.eventTime());
            assertEquals(Fixtures.num(ref.get(i), "se"), e.se(), 1e-8, "se at event time " + e.eventTime());
        }
        Map<String, String> pt = Fixtures.csv("ref_es_" + label + "_pretrend.csv").get(0);
        assertEquals(Fixtures.num(pt, "statistic"), r.pretrend().statistic(), 1e-7);
        assertEquals((int) Fixtures.num(pt, "df"), r.pretrend().df());
        assertEquals(Fixtures.num(pt, "p_value"), r.pretrend().pValue(), 1e-8);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("DID_TWFE_STAGGERED")),
                "two cohorts: the staggered-adoption warning points to Callaway & Sant'Anna");
    }
}
