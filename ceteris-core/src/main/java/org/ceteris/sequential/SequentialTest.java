package org.ceteris.sequential;

import org.ceteris.experiment.Effect;

/**
 * How one comparison is read at a look: an interval and a p-value for the effect from the arms'
 * current sufficient statistics. The sequential members ({@link AsymptoticConfidenceSequence},
 * {@link MixtureSprt}) stay valid however often they are read; {@link FixedHorizonTest} is the
 * ordinary test, valid only when read once, kept to show what peeking costs. Each reading is O(1).
 */
public sealed interface SequentialTest permits AsymptoticConfidenceSequence, MixtureSprt, FixedHorizonTest {

    /** The two-sided level of the interval. */
    double alpha();

    /**
     * Reads one comparison.
     *
     * @param effect   the effect and its fixed-horizon standard error (se &gt; 0, finite)
     * @param n        units in both arms together
     * @param previous this comparison's previous reading, or null at its first
     */
    Reading read(Effect effect, long n, Reading previous);

    /** The test families a user can choose, and the fixed-horizon test they are compared with. */
    enum Method {
        CS("cs"), MSPRT("msprt"), FIXED("fixed");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The test of this family at level {@code alpha}; {@code tuning} is N* (ignored by FIXED). */
        public SequentialTest at(double alpha, double tuning) {
            return switch (this) {
                case CS -> new AsymptoticConfidenceSequence(alpha, tuning);
                case MSPRT -> new MixtureSprt(alpha, tuning);
                case FIXED -> new FixedHorizonTest(alpha);
            };
        }

        /** {@code cs} or {@code msprt}, as the {@code --method} flag takes them. */
        public static Method parse(String text) {
            return org.ceteris.Choice.parse(Method.class, text, CS, "--method");
        }
    }

    /**
     * ρ of the asymptotic confidence sequence, chosen so that the boundary is tightest near
     * N* units: ρ² = (−2 ln α + ln(−2 ln α + 1)) / N* (Waudby-Smith et al. 2023; gbstats).
     */
    static double rhoSquared(double alpha, double tuning) {
        double l = -2 * Math.log(alpha);
        return (l + Math.log(l + 1)) / tuning;
    }

    static void check(double alpha, double tuning) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new org.ceteris.CeterisException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if (!(tuning > 0 && Double.isFinite(tuning))) {
            throw new org.ceteris.CeterisException("--tuning must be a positive number of units (N*, default 5000), got " + tuning);
        }
    }
}
