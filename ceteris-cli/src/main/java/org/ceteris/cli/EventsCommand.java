package org.ceteris.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.live.Event;
import org.ceteris.live.EventLog;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris events}: the workspace's changes of verdict, revisions, failures and dead webhooks, newest first. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Show a workspace's events (arms demoted, winners, warnings, revisions of assignment.yaml, failures), newest first.")
public final class EventsCommand implements Callable<Integer> {

    @Mixin WorkspaceOption workspace;

    @Option(names = "--study", paramLabel = "NAME", description = "only this study (default: every study)") String study;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "at most N events (default ${DEFAULT-VALUE})") int limit;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (study != null) {
            WorkspaceConfig.read(ws.config()).study(study);
        }
        if (limit < 1) {
            throw new org.ceteris.CeterisException("--limit must be at least 1, got " + limit);
        }
        List<Event> events;
        try (DuckDbEngine engine = ws.engine(true)) {
            events = EventLog.read(engine, study, limit);
        }
        return output.print(events, java.util.Map.of("events", events.stream().map(Event::toJson).toList()), EventsCommand::render);
    }

    static String render(List<Event> events) {
        if (events.isEmpty()) {
            return "no events yet: they are recorded when a run changes a verdict" + System.lineSeparator();
        }
        TextTable t = new TextTable(List.of("id", "at (UTC)", "study", "kind", "arm", "run", "message"));
        for (Event e : events) {
            t.row(List.of(String.valueOf(e.id()), e.at().toString(), e.study() == null ? "" : e.study(), e.kind(),
                    e.arm() == null ? "" : e.arm(), e.runId() == null ? "" : String.valueOf(e.runId()), e.message()));
        }
        return t.render();
    }

    /** The events of a run, as lines under its report; nothing when there are none. */
    static String renderNew(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append("event: ").append(e.study()).append(": ").append(e.message()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
