package org.ceteris.sequential;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * A planned sequential experiment to simulate: the arms with their true effects (mean shifts against
 * a baseline of 0, in the metric's units), the per-unit standard deviation, the maximum total units
 * and the number of looks, and the test. The flags of {@code ceteris simulate-sequential} build it.
 *
 * @param effects true effect per arm, in the order given; the control arm is in it too
 * @param control the arm named "control", else the first
 * @param nMax    total units over all arms at the last look
 * @param looks   equally spaced looks (by units) up to nMax
 * @param designs which designs to simulate (all three by default)
 */
public record SimulationSpec(
        Map<String, Double> effects,
        String control,
        double sd,
        long nMax,
        int looks,
        int sims,
        long seed,
        SequentialTest.Method method,
        double tuning,
        double alpha,
        Direction direction,
        boolean demote,
        Set<Design> designs) {

    public static final int MAX_SIMS = 1_000_000;

    /** What is simulated: the sequential test, one fixed-horizon test at n-max, the same test peeked at every look. */
    public enum Design {
        SEQUENTIAL, FIXED, FIXED_PEEKING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SimulationSpec {
        effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        if (effects.size() < 2) {
            throw new CeterisException("--arms needs a control and at least one other arm, e.g. \"control:0,B:0.02\"");
        }
        control = control == null ? (effects.containsKey("control") ? "control" : effects.keySet().iterator().next()) : control;
        if (!effects.containsKey(control)) {
            throw new CeterisException("control '" + control + "' is not one of --arms: " + String.join(", ", effects.keySet()));
        }
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new CeterisException("--sd must be a positive number, got " + sd);
        }
        if (looks < 1 || looks > LookSchedule.MAX_LOOKS) {
            throw new CeterisException("--looks must be a whole number from 1 to " + LookSchedule.MAX_LOOKS + ", got " + looks);
        }
        if (nMax < (long) looks * effects.size() * 2) {
            throw new CeterisException(String.format(Locale.ROOT, "--n-max %d is too small for %d looks over %d arms: "
                    + "each arm needs at least 2 units per look (n-max ≥ %d)", nMax, looks, effects.size(), (long) looks * effects.size() * 2));
        }
        if (sims < 1 || sims > MAX_SIMS) {
            throw new CeterisException("--sims must be a whole number from 1 to " + MAX_SIMS + ", got " + sims);
        }
        if (method == null || method == SequentialTest.Method.FIXED) {
            method = SequentialTest.Method.CS;
        }
        SequentialTest.check(alpha, tuning);
        direction = direction == null ? Direction.HIGHER : direction;
        designs = designs == null || designs.isEmpty() ? EnumSet.allOf(Design.class) : EnumSet.copyOf(designs);
    }

    /** {@code NAME:EFFECT,NAME:EFFECT,…}, e.g. {@code control:0,B:0.02,C:-0.03}. */
    public static Map<String, Double> parseArms(String text) {
        if (text == null || text.isBlank()) {
            throw new CeterisException("--arms is empty: give NAME:EFFECT pairs, e.g. \"control:0,B:0.02\"");
        }
        Map<String, Double> arms = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            String name = colon < 0 ? "" : part.substring(0, colon).strip();
            if (colon < 0 || name.isEmpty()) {
                throw new CeterisException("--arms '" + part.strip() + "' is not NAME:EFFECT, e.g. B:0.02");
            }
            double effect;
            try {
                effect = Double.parseDouble(part.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new CeterisException("--arms: the effect of " + name + " is not a number: '" + part.substring(colon + 1).strip() + "'");
            }
            if (!Double.isFinite(effect)) {
                throw new CeterisException("--arms: the effect of " + name + " must be a finite number");
            }
            if (arms.put(name, effect) != null) {
                throw new CeterisException("--arms names " + name + " twice");
            }
        }
        return arms;
    }
}
