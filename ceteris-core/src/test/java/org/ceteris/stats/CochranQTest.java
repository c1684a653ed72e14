package org.ceteris.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CochranQTest {

    /**
     * Reference: statsmodels 0.14 {@code combine_effects([1.2, 0.4, -0.3, 0.9], se**2).q} = 6.002498810090433
     * (df 3) and scipy {@code chi2.sf(q, 3)} = 0.11148871582176621, run with Debian's /usr/bin/python3.
     */
    @Test
    void matchesStatsmodels() {
        CochranQ.Result r = CochranQ.test(new double[] {1.2, 0.4, -0.3, 0.9}, new double[] {0.5, 0.6, 0.4, 0.8});
        assertEquals(6.002498810090433, r.q(), 1e-12);
        assertEquals(3, r.df());
        assertEquals(0.11148871582176621, r.pValue(), 1e-12);
    }

    @Test
    void leavesOutEstimatesWithoutAStandardErrorAndOrderDoesNotMatter() {
        CochranQ.Result a = CochranQ.test(new double[] {1.2, 0.4, 7, -0.3, 0.9}, new double[] {0.5, 0.6, Double.NaN, 0.4, 0.8});
        CochranQ.Result b = CochranQ.test(new double[] {0.9, -0.3, 0.4, 1.2}, new double[] {0.8, 0.4, 0.6, 0.5});
        assertEquals(a.q(), b.q(), 1e-12);
        assertEquals(3, a.df());
        assertNull(CochranQ.test(new double[] {1.0}, new double[] {0.5}), "one estimate: nothing to compare");
        assertEquals(0.0, CochranQ.test(new double[] {1.0, 1.0}, new double[] {0.5, 0.2}).q(), 0.0);
    }
}
