package org.ceteris.live;

import java.util.Map;
import org.ceteris.CeterisException;

/**
 * The live-loop settings of one study in {@code ceteris.yaml}, kept apart from the method's
 * parameters: {@code schedule:}, {@code assignment: {experiment: KEY, reassign: none|control}} and
 * {@code on_winner: ship|keep}.
 *
 * @param study      the study's name
 * @param schedule   when it runs, or null for on demand only
 * @param experiment the key in {@code assignment.yaml} its demotions act on, or null
 * @param reassign   "none" (a demoted arm's units leave the experiment) or "control"
 * @param shipWinner a declared winner takes every unit of the experiment
 */
public record StudyLoop(String study, Schedule schedule, String experiment, String reassign, boolean shipWinner) {

    /** The keys a study mapping may hold for the loop. */
    public static final java.util.List<String> KEYS = java.util.List.of("schedule", "assignment", "on_winner");

    public StudyLoop {
        if (!reassign.equals("none") && !reassign.equals("control")) {
            throw new CeterisException("study '" + study + "': assignment reassign must be 'none' or 'control', got '" + reassign + "'");
        }
    }

    /** True when the study's verdicts change {@code assignment.yaml}. */
    public boolean controlsAssignment() {
        return experiment != null;
    }

    /** The loop settings from a study's mapping, removing them from it; null when it has none. */
    public static StudyLoop take(String study, String method, Map<String, Object> raw) {
        Object schedule = raw.remove("schedule");
        Object assignment = raw.remove("assignment");
        Object onWinner = raw.remove("on_winner");
        if (schedule == null && assignment == null && onWinner == null) {
            return null;
        }
        Schedule s = null;
        if (schedule != null) {
            if (schedule instanceof Map || schedule instanceof java.util.Collection) {
                throw new CeterisException("study '" + study + "': 'schedule' takes one value such as 'daily 06:00', 'hourly' or '0 6 * * *'");
            }
            try {
                s = Schedule.parse(String.valueOf(schedule));
            } catch (CeterisException e) {
                throw new CeterisException("study '" + study + "': " + e.getMessage(), e);
            }
        }
        String experiment = null;
        String reassign = "none";
        if (assignment != null) {
            if (!"sequential".equals(method)) {
                throw new CeterisException("study '" + study + "': 'assignment' works only with method: sequential (demotions act on it), not " + method);
            }
            if (!(assignment instanceof Map<?, ?> a) || !(a.get("experiment") instanceof String key) || key.isBlank()) {
                throw new CeterisException("study '" + study + "': write 'assignment: {experiment: KEY}' with the experiment's key in assignment.yaml");
            }
            for (Object k : a.keySet()) {
                if (!k.equals("experiment") && !k.equals("reassign")) {
                    throw new CeterisException("study '" + study + "': unknown setting '" + k + "' under assignment; it takes experiment and reassign");
                }
            }
            experiment = key;
            reassign = a.get("reassign") == null ? "none" : String.valueOf(a.get("reassign"));
        }
        boolean ship = false;
        if (onWinner != null) {
            String w = String.valueOf(onWinner);
            if (!w.equals("ship") && !w.equals("keep")) {
                throw new CeterisException("study '" + study + "': on_winner must be 'ship' or 'keep', got '" + w + "'");
            }
            if (experiment == null) {
                throw new CeterisException("study '" + study + "': on_winner needs 'assignment: {experiment: KEY}' to know what to ship");
            }
            ship = w.equals("ship");
        }
        return new StudyLoop(study, s, experiment, reassign, ship);
    }
}
