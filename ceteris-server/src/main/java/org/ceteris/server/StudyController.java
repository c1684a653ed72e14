package org.ceteris.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;

/** The study routes: list, one study, run now, history. */
final class StudyController {

    /** The most runs one history page returns. */
    static final int MAX_PAGE = 1000;

    private final WorkspaceState state;

    StudyController(WorkspaceState state) {
        this.state = state;
    }

    void list(Context ctx) {
        ctx.contentType("application/json").result(state.snapshot().listJson());
    }

    void get(Context ctx) {
        WorkspaceState.Snapshot s = state.snapshot();
        StudySpec spec = s.spec(ctx.pathParam("name"));
        ctx.contentType("application/json").result(s.studyJson().get(spec.name()));
    }

    /**
     * One page of the history, oldest first: the newest {@code limit} runs (default
     * {@link WorkspaceState#RECENT}, at most {@link #MAX_PAGE}) with an id below {@code before};
     * {@code next_before} is the {@code before} of the next older page, null on the oldest.
     */
    void history(Context ctx) {
        WorkspaceState.Snapshot s = state.snapshot();
        StudySpec spec = s.spec(ctx.pathParam("name"));
        int limit = (int) whole(ctx, "limit", WorkspaceState.RECENT, MAX_PAGE);
        Long before = ctx.queryParam("before") == null ? null : whole(ctx, "before", 0, Long.MAX_VALUE);
        WorkspaceState.Page page = state.page(s, spec.name(), before, limit);
        List<StoredRun> runs = page.runs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("method", spec.method());
        m.put("runs", s.runs(spec.name()));
        m.put("limit", limit);
        m.put("next_before", page.older() && !runs.isEmpty() ? runs.get(0).runId() : null);
        m.put("history", StudyViews.historyJson(runs));
        ctx.json(m);
    }

    /** A whole-number query parameter between 1 and {@code max}, or {@code absent} when not given. */
    private static long whole(Context ctx, String name, long absent, long max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badRequest("bad-parameter", "'" + name + "' must be a whole number from 1"
                + (max == Long.MAX_VALUE ? "" : " to " + max) + ", got '" + v + "'");
    }

    void run(Context ctx) {
        Bodies.object(ctx); // an optional empty object; anything else is a malformed body
        StudySpec spec = state.snapshot().spec(ctx.pathParam("name"));
        StoredRun run = state.run(spec);
        ctx.status(201).json(run.toJson(true));
    }
}
