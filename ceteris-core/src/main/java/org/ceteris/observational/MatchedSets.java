package org.ceteris.observational;

/**
 * The result of matching: for each treated unit that found a match, the controls matched to it
 * (one matched set = one subclass). Controls may repeat across sets when matching with replacement.
 *
 * @param treated      row of the treated unit of each set, in the order the sets were formed
 * @param controlStart set s holds {@code controls[controlStart[s] .. controlStart[s+1])}, in slot order
 * @param controls     rows of the matched controls
 * @param unmatched    treated units left without a match (outside the caliper, or controls ran out)
 */
public record MatchedSets(int[] treated, int[] controlStart, int[] controls, int unmatched) {

    public MatchedSets {
        if (controlStart.length != treated.length + 1) {
            throw new IllegalArgumentException("controlStart must have one entry per set plus one");
        }
    }

    public int sets() {
        return treated.length;
    }

    /** Number of distinct control units used. */
    public int distinctControls(int n) {
        boolean[] seen = new boolean[n];
        int k = 0;
        for (int c : controls) {
            if (!seen[c]) {
                seen[c] = true;
                k++;
            }
        }
        return k;
    }

    /**
     * MatchIt's matching weights: 1 for each matched treated unit, and for each control the sum over
     * its sets of 1/(controls in that set); unmatched units weigh 0.
     */
    public double[] weights(int n) {
        double[] w = new double[n];
        for (int s = 0; s < treated.length; s++) {
            w[treated[s]] = 1;
            int k = controlStart[s + 1] - controlStart[s];
            for (int j = controlStart[s]; j < controlStart[s + 1]; j++) {
                w[controls[j]] += 1.0 / k;
            }
        }
        return w;
    }
}
