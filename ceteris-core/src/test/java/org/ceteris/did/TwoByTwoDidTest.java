package org.ceteris.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 2×2 regression against statsmodels OLS with cov_type='cluster' (fixtures by make_fixtures.py). */
class TwoByTwoDidTest {

    private static DidSpec spec(String outcome) {
        return new DidSpec("unit", "time", outcome, "treated", "post", null, null, null, null, false, null, null, 0.05);
    }

    @Test
    void matchesStatsmodelsClusterOnGeneratedPanel() {
        DidPanel panel = Fixtures.panel(Fixtures.csv("panel_2x2.csv"), "unit", "time", "y", "treated", "post", null);
        Map<String, String> ref = Fixtures.csv("ref_2x2.csv").get(0);
        DidResult r = Did.analyze(spec("y"), panel);
        assertEquals("2x2", r.design());
        assertEquals(Fixtures.num(ref, "estimate"), r.estimate(), 1e-8);
        assertEquals(Fixtures.num(ref, "se"), r.se(), 1e-8);
        assertEquals(Fixtures.num(ref, "p_value"), r.pValue(), 1e-8);
        assertEquals(4, r.nPeriods());
        assertEquals(60, r.nUnits());
        assertTrue(r.attGt() == null && r.aggregations() == null && r.eventStudy() == null && r.pretrend() == null);
    }

    @Test
    void cardKrueger() {
        List<Map<String, String>> rows = Fixtures.csv("card_krueger_1994.csv");
        DidPanel panel = Fixtures.panel(rows, "id", "d", "fte", "nj", "d", null);
        Map<String, String> ref = Fixtures.csv("ref_card_krueger.csv").get(0);
        DidResult r = Did.analyze(new DidSpec("id", "d", "fte", "nj", "d", null, null, null, null, false, null, null, 0.05), panel);
        assertEquals(2.75, r.estimate(), 0.005);
        assertEquals(Fixtures.num(ref, "estimate"), r.estimate(), 1e-8);
        assertEquals(Fixtures.num(ref, "se"), r.se(), 1e-8);
        // the 26 rows statsmodels drops for a missing fte are the ones the verdict says were left out
        long dropped = rows.size() - (long) Fixtures.num(ref, "n_obs");
        assertEquals(26, dropped);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("MISSING_VALUES")
                && d.message().startsWith(dropped + " row(s) with a missing outcome")), r.diagnostics().toString());
        assertFalse(r.summary().isBlank());
    }

    @Test
    void staggeredFlagsGiveTheTwfeWarning() {
        List<Map<String, String>> rows = Fixtures.csv("panel_es.csv");
        for (Map<String, String> row : rows) {
            long g = (long) Fixtures.num(row, "first_treated");
            row.put("treated", g > 0 ? "1" : "0");
            // treated units switch on at their own adoption; comparison units are "post" from period 4
            row.put("post", Fixtures.num(row, "time") >= (g > 0 ? g : 4) ? "1" : "0");
        }
        DidPanel panel = Fixtures.panel(rows, "unit", "time", "y", "treated", "post", null);
        DidResult r = Did.analyze(spec("y"), panel);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("DID_TWFE_STAGGERED")));
    }
}
