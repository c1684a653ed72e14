package org.ceteris.sequential;

import org.ceteris.CeterisException;

/**
 * When a replayed experiment is looked at: a number of looks cut at equal spans of time or at equal
 * numbers of units, or a look every so many days from the first unit's time.
 */
public sealed interface LookSchedule {

    /** The largest number of looks a replay takes. */
    int MAX_LOOKS = 10_000;

    /** How {@code --looks N} cuts the data: at equal spans of time, or at equal numbers of units. */
    enum Cuts {
        TIME, COUNT;

        public String label() {
            return org.ceteris.Choice.label(this);
        }

        public static Cuts parse(String text) {
            return org.ceteris.Choice.parse(Cuts.class, text, TIME, "--cuts");
        }
    }

    /** {@code looks} looks cut as {@code cuts} says. */
    record Count(int looks, Cuts cuts) implements LookSchedule {
        public Count {
            if (looks < 1 || looks > MAX_LOOKS) {
                throw new CeterisException("--looks must be a whole number from 1 to " + MAX_LOOKS + ", got " + looks);
            }
            cuts = cuts == null ? Cuts.TIME : cuts;
        }
    }

    /** A look every {@code days} days (fractions allowed: 0.25 is every six hours). */
    record Every(double days) implements LookSchedule {
        public Every {
            if (!(days > 0 && Double.isFinite(days))) {
                throw new CeterisException("--every must be a positive number of days, got " + days);
            }
        }
    }

    /**
     * The schedule from the flags: {@code --looks N} or {@code --every DAYS} (not both); a look every
     * day when neither is given.
     */
    static LookSchedule of(Integer looks, Double every, String cuts) {
        if (looks != null && every != null) {
            throw new CeterisException("give either --looks or --every, not both");
        }
        if (looks != null) {
            return new Count(looks, Cuts.parse(cuts));
        }
        if (cuts != null) {
            throw new CeterisException("--cuts goes with --looks");
        }
        return new Every(every == null ? 1.0 : every);
    }
}
