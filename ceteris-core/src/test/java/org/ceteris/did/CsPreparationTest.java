package org.ceteris.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceteris.did.DidSpec.ComparisonGroup;
import org.ceteris.did.DidSpec.DidEstimator;
import org.junit.jupiter.api.Test;

/** How Callaway & Sant'Anna prepares the panel: not-yet-treated without never-treated units, gaps. */
class CsPreparationTest {

    private static DidSpec spec(ComparisonGroup control) {
        return new DidSpec("countyreal", "year", "lemp", null, null, "first.treat", control, DidEstimator.DR, null, false,
                null, null, 0.05);
    }

    private static double meanChange(List<Map<String, String>> rows, long from, long to, java.util.function.LongPredicate cohort) {
        Map<String, double[]> byUnit = new java.util.HashMap<>();
        for (Map<String, String> r : rows) {
            long g = (long) Fixtures.num(r, "first.treat");
            long t = (long) Fixtures.num(r, "year");
            if (!cohort.test(g) || (t != from && t != to)) {
                continue;
            }
            double[] v = byUnit.computeIfAbsent(r.get("countyreal"), k -> new double[2]);
            v[t == from ? 0 : 1] = Fixtures.num(r, "lemp");
        }
        return byUnit.values().stream().mapToDouble(v -> v[1] - v[0]).average().orElseThrow();
    }

    @Test
    void notYetTreatedWithoutNeverTreatedUsesTheLastCohortAsComparison() {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.csv("mpdta.csv"));
        rows.removeIf(r -> Fixtures.num(r, "first.treat") == 0);
        DidPanel panel = Fixtures.panel(rows, "countyreal", "year", "lemp", null, null, "first.treat");
        DidResult r = Did.analyze(spec(ComparisonGroup.NOT_YET), panel);
        // periods from the last cohort's adoption (2007) on are left out; cohort 2007 only compares
        assertEquals(4, r.nPeriods());
        assertTrue(r.attGt().stream().allMatch(c -> (Long) c.group() < 2007 && (Long) c.time() < 2007));
        // ATT(2004, 2004) by hand: change 2003→2004 of cohort 2004 minus that of cohorts 2006 and 2007
        double byHand = meanChange(rows, 2003, 2004, g -> g == 2004) - meanChange(rows, 2003, 2004, g -> g == 2006 || g == 2007);
        DidResult.AttGt cell = r.attGt().stream().filter(c -> c.group().equals(2004L) && c.time().equals(2004L)).findFirst().orElseThrow();
        assertEquals(byHand, cell.att(), 1e-12);
        // ATT(2006, 2006): base 2005, comparison only cohort 2007
        double byHand2 = meanChange(rows, 2005, 2006, g -> g == 2006) - meanChange(rows, 2005, 2006, g -> g == 2007);
        DidResult.AttGt cell2 = r.attGt().stream().filter(c -> c.group().equals(2006L) && c.time().equals(2006L)).findFirst().orElseThrow();
        assertEquals(byHand2, cell2.att(), 1e-12);
    }

    @Test
    void unitsWithGapsAndAlreadyTreatedUnitsAreLeftOutWithDiagnostics() {
        List<Map<String, String>> rows = new ArrayList<>(Fixtures.csv("mpdta.csv"));
        rows.remove(7); // one county loses a year
        Map<String, String> early = rows.get(0);
        String id = early.get("countyreal");
        rows.forEach(r -> {
            if (r.get("countyreal").equals(id)) {
                r.put("first.treat", "2003");
            }
        });
        DidPanel panel = Fixtures.panel(rows, "countyreal", "year", "lemp", null, null, "first.treat");
        DidResult r = Did.analyze(spec(ComparisonGroup.NEVER), panel);
        assertEquals(498, r.nUnits());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("DID_UNBALANCED_PANEL")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("DID_ALREADY_TREATED")));
    }
}
