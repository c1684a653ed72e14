package org.ceteris.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change of verdict, stored in the workspace and sent to the webhooks.
 *
 * @param id        increasing id (0 before it is stored)
 * @param kind      demoted, winner, srm, warning, failed, revision or alert_failed
 * @param arm       the arm concerned, or null
 * @param runId     the run that caused it, or null
 * @param look      the look of the sequential test, or null
 * @param statistic the arm's (adjusted) p-value at that look, or null
 * @param message   one sentence for people
 */
public record Event(long id, Instant at, String study, String kind, String arm, Long runId, Integer look,
                    Double statistic, String message) {

    public static final String DEMOTED = "demoted";
    public static final String WINNER = "winner";
    public static final String SRM = "srm";
    public static final String WARNING = "warning";
    public static final String FAILED = "failed";
    public static final String REVISION = "revision";
    public static final String ALERT_FAILED = "alert_failed";

    /** The event with its stored id. */
    public Event withId(long newId) {
        return new Event(newId, at, study, kind, arm, runId, look, statistic, message);
    }

    /** snake_case JSON as the CLI's --json, the API and the webhooks show it. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("at", at.toString());
        m.put("study", study);
        m.put("kind", kind);
        m.put("arm", arm);
        m.put("run_id", runId);
        m.put("look", look);
        m.put("statistic", statistic);
        m.put("message", message);
        return m;
    }
}
