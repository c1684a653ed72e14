package org.ceteris.experiment;

import static org.ceteris.experiment.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sample size and MDE against the scipy.stats.norm.ppf formula (keys power/… and mde/… of ab_expected.csv). */
class PowerReferenceTest {

    static final Map<String, Double> REF = Fixtures.expected("ab_expected.csv");

    @Test
    void sampleSizeMatchesFormula() {
        int checked = 0;
        for (var e : REF.entrySet()) {
            if (!e.getKey().startsWith("power/")) {
                continue;
            }
            String[] k = e.getKey().split("/");
            double sd = Double.parseDouble(k[1]);
            double mde = Double.parseDouble(k[2]);
            double alpha = Double.parseDouble(k[3]);
            double power = Double.parseDouble(k[4]);
            assertClose(e.getValue(), Power.nPerArm(sd, mde, alpha, power), e.getKey());
            PowerResult r = PowerResult.forEffect(100, sd, mde, alpha, power);
            assertEquals((long) Math.ceil(e.getValue()), r.nPerArm(), e.getKey() + " rounded up");
            assertEquals(2 * r.nPerArm(), r.nTotal());
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void mdeMatchesFormulaAndInvertsSampleSize() {
        int checked = 0;
        for (var e : REF.entrySet()) {
            if (!e.getKey().startsWith("mde/")) {
                continue;
            }
            String[] k = e.getKey().split("/");
            double sd = Double.parseDouble(k[1]);
            double n = Double.parseDouble(k[2]);
            double alpha = Double.parseDouble(k[3]);
            double power = Double.parseDouble(k[4]);
            double mde = Power.mde(sd, n, alpha, power);
            assertClose(e.getValue(), mde, e.getKey());
            assertClose(n, Power.nPerArm(sd, mde, alpha, power), "n(mde(n)) = n");
            PowerResult r = PowerResult.forSampleSize(2 * sd, sd, (long) n, alpha, power);
            assertClose(mde / (2 * sd), r.mdeRelative(), "relative MDE");
            assertTrue(r.summary().contains("%"));
            checked++;
        }
        assertEquals(3, checked);
    }
}
