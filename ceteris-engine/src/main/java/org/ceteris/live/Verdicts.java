package org.ceteris.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.json.Json;

/**
 * The verdicts of one result that deserve telling (an arm demoted, a winner, a sample-ratio
 * mismatch, any other warning), read from the result's JSON so that every method is covered; and
 * the events of a new run: the verdicts it has that the study's previous run had not.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /** The verdicts of a result document, keyed by kind and arm (or diagnostic code). */
    public static Map<String, Event> of(String resultJson, String study, long runId, Instant at) {
        Map<String, Event> out = new LinkedHashMap<>();
        if (resultJson == null) {
            return out;
        }
        JsonNode r = Json.read(resultJson);
        JsonNode decision = r.path("decision");
        for (JsonNode d : decision.path("demoted")) {
            String arm = d.path("variant").asText();
            int look = d.path("look").asInt();
            Double p = pValue(r, look, arm);
            String reason = d.path("reason").asText("");
            put(out, new Event(0, at, study, Event.DEMOTED, arm, runId, look, p,
                    "arm " + arm + " demoted at look " + look + (reason.isEmpty() ? "" : ": " + reason)));
        }
        if (decision.hasNonNull("winner")) {
            String arm = decision.get("winner").asText();
            int look = decision.path("look").asInt();
            put(out, new Event(0, at, study, Event.WINNER, arm, runId, look, pValue(r, look, arm),
                    "arm " + arm + " declared the winner at look " + look));
        }
        for (JsonNode d : r.path("diagnostics")) {
            String severity = d.path("severity").asText("");
            if (!severity.equalsIgnoreCase("warning") && !severity.equalsIgnoreCase("error")) {
                continue;
            }
            String code = d.path("code").asText();
            String kind = code.equalsIgnoreCase("SRM") ? Event.SRM : Event.WARNING;
            put(out, new Event(0, at, study, kind, kind.equals(Event.SRM) ? null : code, runId, null, null,
                    d.path("message").asText(code)));
        }
        return out;
    }

    /** The events of a run: its verdicts absent from the previous run's (null: no previous run). */
    public static List<Event> changes(String previousJson, String resultJson, String study, long runId, Instant at) {
        Map<String, Event> before = of(previousJson, study, 0, at);
        List<Event> out = new ArrayList<>();
        for (Map.Entry<String, Event> e : of(resultJson, study, runId, at).entrySet()) {
            if (!before.containsKey(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static void put(Map<String, Event> out, Event e) {
        out.put(e.kind() + ":" + (e.arm() == null ? "" : e.arm()), e);
    }

    /** The arm's p-value at a look of a sequential result, or null. */
    private static Double pValue(JsonNode r, int look, String arm) {
        for (JsonNode l : r.path("looks")) {
            if (l.path("look").asInt() != look) {
                continue;
            }
            for (JsonNode a : l.path("arms")) {
                if (a.path("variant").asText().equals(arm) && a.hasNonNull("p_value")) {
                    return a.get("p_value").asDouble();
                }
            }
        }
        return null;
    }
}
