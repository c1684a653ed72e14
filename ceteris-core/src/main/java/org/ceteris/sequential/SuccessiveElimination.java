package org.ceteris.sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * Successive elimination with time-uniform confidence sequences (Even-Dar, Mannor &amp; Mansour 2006;
 * Jamieson &amp; Nowak 2014; REFERENCES §2). From the readings of every pairwise difference among the
 * active arms (each at level α/(K(K−1)/2), so that all of them hold together at level α): arm i is
 * demoted when some active arm j is proven better (the interval for j − i lies on the better side of
 * zero); a winner is declared when one active arm remains or one arm is proven better than every
 * other active arm. Arms demoted at the same look are demoted together; a look that would demote
 * every active arm (possible only when CUPED's pairwise θ makes the pairwise effects intransitive)
 * demotes none. O(K²) per look.
 */
public final class SuccessiveElimination {

    private SuccessiveElimination() {
    }

    /**
     * What one look decides.
     *
     * @param demoted newly demoted arms, each with the arm that beat it
     * @param winner  the winning arm, or −1
     */
    public record Step(List<Beaten> demoted, int winner) {
        public Step {
            demoted = List.copyOf(demoted);
        }
    }

    /** Arm {@code arm} is proven worse than arm {@code by}; {@code reading} is of (by − arm). */
    public record Beaten(int arm, int by, Reading reading) {
    }

    /**
     * @param active    which arms are still in the test
     * @param pairs     pairs[i][j] for i &lt; j: the reading of (arm j − arm i), or null when not estimable
     * @param direction which way is better
     * @param demote    whether losing arms are demoted (else only a winner is looked for)
     */
    public static Step step(boolean[] active, Reading[][] pairs, Direction direction, boolean demote) {
        int k = active.length;
        List<Beaten> beaten = new ArrayList<>();
        if (demote) {
            for (int i = 0; i < k; i++) {
                if (!active[i]) {
                    continue;
                }
                Beaten best = null;
                for (int j = 0; j < k; j++) {
                    if (j == i || !active[j]) {
                        continue;
                    }
                    Reading r = difference(pairs, j, i);
                    if (r != null && better(r, direction) && (best == null || margin(r, direction) > margin(best.reading(), direction))) {
                        best = new Beaten(i, j, r);
                    }
                }
                if (best != null) {
                    beaten.add(best);
                }
            }
            long remaining = countActive(active) - beaten.size();
            if (remaining <= 0) {
                beaten.clear();
            }
        }
        boolean[] still = active.clone();
        beaten.forEach(b -> still[b.arm()] = false);
        return new Step(beaten, winner(still, pairs, direction, demote));
    }

    private static int winner(boolean[] active, Reading[][] pairs, Direction direction, boolean demote) {
        int k = active.length;
        if (demote && countActive(active) == 1) {
            for (int i = 0; i < k; i++) {
                if (active[i]) {
                    return i;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (!active[j]) {
                continue;
            }
            boolean beatsAll = true;
            for (int i = 0; i < k && beatsAll; i++) {
                if (i != j && active[i]) {
                    Reading r = difference(pairs, j, i);
                    beatsAll = r != null && better(r, direction);
                }
            }
            if (beatsAll) {
                return j;
            }
        }
        return -1;
    }

    /** The reading of (arm j − arm i) from the upper triangle, mirrored when j &lt; i. */
    static Reading difference(Reading[][] pairs, int j, int i) {
        if (i < j) {
            return pairs[i][j];
        }
        Reading r = pairs[j][i];
        return r == null ? null : new Reading(-r.estimate(), r.se(), r.n(), -r.high(), -r.low(), r.pValue());
    }

    /** True when the interval of (j − i) lies wholly on the better side of zero. */
    static boolean better(Reading jMinusI, Direction direction) {
        return jMinusI.sign() == direction.sign();
    }

    private static double margin(Reading r, Direction direction) {
        return direction == Direction.HIGHER ? r.low() : -r.high();
    }

    private static long countActive(boolean[] active) {
        long c = 0;
        for (boolean a : active) {
            if (a) {
                c++;
            }
        }
        return c;
    }
}
