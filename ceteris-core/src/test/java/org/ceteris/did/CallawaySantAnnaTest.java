package org.ceteris.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import org.ceteris.did.DidSpec.ComparisonGroup;
import org.ceteris.did.DidSpec.DidEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Callaway &amp; Sant'Anna on mpdta against R did 2.5.0 (analytic SEs, base period varying), the
 * reference files of /work/shared/datasets/did_r_reference copied here: every ATT(g,t), every
 * aggregation and the Wald pre-test.
 */
class CallawaySantAnnaTest {

    private static final double EST_TOL = 1e-6;
    private static final double SE_REL_TOL = 1e-4;

    @ParameterizedTest
    @CsvSource({"mpdta_nev_dr,never,dr,", "mpdta_nyt_dr,not-yet,dr,", "mpdta_nev_reg_cov,never,reg,lpop",
            "mpdta_nev_ipw,never,ipw,", "sim_nev_dr,never,dr,X"})
    void matchesRDid(String scenario, String control, String estimator, String covariate) {
        String[] covs = covariate == null ? new String[0] : new String[] {covariate};
        boolean sim = scenario.startsWith("sim");
        DidPanel panel = sim ? Fixtures.panel(Fixtures.csv("sim_data.csv"), "id", "period", "Y", null, null, "G", covs)
                : Fixtures.panel(Fixtures.csv("mpdta.csv"), "countyreal", "year", "lemp", null, null, "first.treat", covs);
        DidSpec spec = new DidSpec("unit", "time", "y", null, null, "g", ComparisonGroup.parse(control),
                DidEstimator.parse(estimator), List.of(covs), false, null, null, 0.05);
        DidResult r = Did.analyze(spec, panel);
        assertEquals("staggered", r.design());
        assertEquals(sim ? panel.units().size() : 500, r.nUnits());
        assertEquals(sim ? 4 : 5, r.nPeriods());

        List<Map<String, String>> attgt = Fixtures.csv("mpdta_ref_attgt.csv").stream()
                .filter(m -> m.get("scenario").equals(scenario)).toList();
        assertEquals(attgt.size(), r.attGt().size());
        for (Map<String, String> ref : attgt) {
            long g = (long) Fixtures.num(ref, "group");
            long t = (long) Fixtures.num(ref, "t");
            DidResult.AttGt cell = r.attGt().stream().filter(c -> c.group().equals(g) && c.time().equals(t)).findFirst().orElseThrow();
            assertEquals(Fixtures.num(ref, "att"), cell.att(), EST_TOL, "ATT(" + g + "," + t + ")");
            assertRel(Fixtures.num(ref, "se"), cell.se(), "se ATT(" + g + "," + t + ")");
        }

        List<Map<String, String>> agg = Fixtures.csv("mpdta_ref_aggte.csv").stream()
                .filter(m -> m.get("scenario").equals(scenario)).toList();
        DidResult.Aggregations a = r.aggregations();
        for (Map<String, String> ref : agg) {
            String type = ref.get("type");
            double overall = Fixtures.num(ref, "overall_att");
            double overallSe = Fixtures.num(ref, "overall_se");
            switch (type) {
                case "simple":
                    check(overall, overallSe, a.simple(), "simple");
                    assertEquals(overall, r.estimate(), EST_TOL);
                    break;
                case "group": {
                    check(overall, overallSe, a.groupOverall(), "group overall");
                    long g = (long) Fixtures.num(ref, "egt");
                    DidResult.GroupEstimate e = a.group().stream().filter(x -> x.group().equals(g)).findFirst().orElseThrow();
                    check(Fixtures.num(ref, "att_egt"), Fixtures.num(ref, "se_egt"), new DidResult.Estimate(e.att(), e.se()), "group " + g);
                    break;
                }
                case "dynamic": {
                    check(overall, overallSe, a.dynamicOverall(), "dynamic overall");
                    long e = (long) Fixtures.num(ref, "egt");
                    DidResult.DynamicEstimate d = a.dynamic().stream().filter(x -> x.eventTime() == e).findFirst().orElseThrow();
                    check(Fixtures.num(ref, "att_egt"), Fixtures.num(ref, "se_egt"), new DidResult.Estimate(d.att(), d.se()), "event " + e);
                    break;
                }
                default: {
                    check(overall, overallSe, a.calendarOverall(), "calendar overall");
                    long t = (long) Fixtures.num(ref, "egt");
                    DidResult.CalendarEstimate c = a.calendar().stream().filter(x -> x.time().equals(t)).findFirst().orElseThrow();
                    check(Fixtures.num(ref, "att_egt"), Fixtures.num(ref, "se_egt"), new DidResult.Estimate(c.att(), c.se()), "calendar " + t);
                }
            }
        }
        assertEquals(agg.stream().filter(m -> m.get("type").equals("group")).count(), a.group().size());
        assertEquals(agg.stream().filter(m -> m.get("type").equals("dynamic")).count(), a.dynamic().size());
        assertEquals(agg.stream().filter(m -> m.get("type").equals("calendar")).count(), a.calendar().size());

        Map<String, String> pre = Fixtures.csv("mpdta_ref_pretest.csv").stream()
                .filter(m -> m.get("scenario").equals(scenario)).findFirst().orElseThrow();
        assertNotNull(r.pretrend());
        assertEquals(Fixtures.num(pre, "W"), r.pretrend().statistic(), 1e-6 * Fixtures.num(pre, "W"));
        assertEquals(Fixtures.num(pre, "Wpval"), r.pretrend().pValue(), 1e-5, "R rounds the p-value to 5 digits");
    }

    private static void check(double att, double se, DidResult.Estimate e, String what) {
        assertEquals(att, e.att(), EST_TOL, what);
        assertRel(se, e.se(), "se " + what);
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, SE_REL_TOL * Math.abs(expected), what);
    }
}
