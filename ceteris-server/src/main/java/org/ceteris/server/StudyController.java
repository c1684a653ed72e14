package org.ceteris.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceteris.studies.StudySpec;
import org.ceteris.workspace.StoredRun;

/** The study routes: list, one study, run now, history. */
final class StudyController {

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

    void history(Context ctx) {
        WorkspaceState.Snapshot s = state.snapshot();
        StudySpec spec = s.spec(ctx.pathParam("name"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("method", spec.method());
        m.put("history", StudyViews.historyJson(s.history().getOrDefault(spec.name(), List.of())));
        ctx.json(m);
    }

    void run(Context ctx) {
        Bodies.object(ctx); // an optional empty object; anything else is a malformed body
        StudySpec spec = state.snapshot().spec(ctx.pathParam("name"));
        StoredRun run = state.run(spec);
        ctx.status(201).json(run.toJson(true));
    }
}
