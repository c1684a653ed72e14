package org.ceteris.workspace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ceteris.json.Json;
import org.ceteris.studies.Headline;

/**
 * One run of a study as stored in {@code ceteris_runs}: the spec and result as JSON text, when it
 * ran, which Ceteris version ran it, and the headline number for cards and history charts.
 *
 * @param result the result JSON, or null when only the history (not the full result) was read
 */
public record StoredRun(long runId, String study, String method, Instant runAt, String version,
                        String spec, String result, Headline headline, String summary) {

    /**
     * The run as the CLI's {@code --json} and the HTTP API show it: {@code run_id}, {@code study},
     * {@code method}, {@code run_at} (ISO-8601 UTC), {@code ceteris_version}, {@code headline}
     * (or null), {@code summary}, and with {@code withResult} the {@code spec} and {@code result} documents.
     */
    public Map<String, Object> toJson(boolean withResult) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("study", study);
        m.put("method", method);
        m.put("run_at", runAt.toString());
        m.put("ceteris_version", version);
        m.put("headline", headline);
        m.put("summary", summary);
        if (withResult) {
            m.put("spec", spec == null ? null : Json.read(spec));
            m.put("result", result == null ? null : Json.read(result));
        }
        return m;
    }
}
