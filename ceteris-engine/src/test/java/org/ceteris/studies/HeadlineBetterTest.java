package org.ceteris.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A metric where lower is better turns a clear decrease into a good badge and a clear increase into a bad one. */
class HeadlineBetterTest {

    private static Headline h(String verdict) {
        return new Headline("inactive 30, referred vs not_referred", -0.5, -0.53, -0.47, true, verdict);
    }

    @Test
    void lowerIsBetterFlipsTheBadgeOnly() {
        assertEquals(Headline.DECREASE_GOOD, h(Headline.NEGATIVE).withBetter("lower").verdict());
        assertEquals(Headline.INCREASE_BAD, h(Headline.POSITIVE).withBetter("lower").verdict());
        assertEquals(Headline.NO_CLEAR_EFFECT, h(Headline.NO_CLEAR_EFFECT).withBetter("lower").verdict());
        assertEquals(Headline.CHECK_DATA, h(Headline.CHECK_DATA).withBetter("lower").verdict());
        assertEquals(Headline.NEGATIVE, h(Headline.NEGATIVE).withBetter("higher").verdict());
        assertEquals(-0.5, h(Headline.NEGATIVE).withBetter("lower").estimate(), 0.0);
    }
}
