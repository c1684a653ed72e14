package org.ceteris.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.ceteris.json.Json;
import org.ceteris.live.Event;

/**
 * {@code GET /api/events[?study=NAME][&limit=N]}: the workspace's events (changes of verdict,
 * revisions of assignment.yaml, failures, dead webhooks), newest first, as
 * {@code {"events": [...]}}. An unknown study is 404, a bad limit 400.
 */
final class EventsRoute {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private EventsRoute() {
    }

    static void handle(Context ctx, WorkspaceState state) {
        String study = ctx.queryParam("study");
        if (study != null) {
            state.snapshot().spec(study);
        }
        int limit = DEFAULT_LIMIT;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw Problem.badRequest("bad-limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + l + "'");
            }
        }
        List<Map<String, Object>> events = state.events(study, limit).stream().map(Event::toJson).toList();
        ctx.contentType("application/json").result(Json.write(Map.of("events", events)));
    }
}
