package org.ceteris.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.ceteris.CeterisException;
import org.ceteris.live.DueRuns;
import org.ceteris.server.LiveLoop;
import org.ceteris.server.Webhooks;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ceteris schedule --once}: runs the scheduled studies that are due now and exits, for
 * users of cron or Airflow; the due times are stored in the workspace, so calling it more often
 * than the schedule runs nothing twice ({@code ceteris serve} does the same every 30 seconds).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run the scheduled studies that are due now (--once) and exit; `ceteris serve` does this by itself.")
public final class ScheduleCommand implements Callable<Integer> {

    @Mixin WorkspaceOption workspace;

    @Option(names = "--once", required = true, description = "run what is due now and exit") boolean once;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        WorkspaceConfig.read(ws.config()); // a config that does not parse is a one-line error, nothing runs
        LiveLoop loop = new LiveLoop(ws, Version.current(), Map.of(), Clock.systemUTC(), Webhooks.BACKOFF, new ReentrantLock());
        DueRuns.Report r = loop.runDue();
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("due", r.due().stream().map(d -> Map.of("study", d.study(), "due_at", d.dueAt().toString())).toList());
        json.put("runs", r.runs().stream().flatMap(o -> o.runs().stream()).map(s -> s.toJson(false)).toList());
        json.put("events", r.events().stream().map(org.ceteris.live.Event::toJson).toList());
        json.put("failures", r.failures());
        int code = output.print(r, json, ScheduleCommand::render);
        loop.awaitAlerts(RunCommand.ALERT_WAIT);
        if (!r.failures().isEmpty()) {
            throw new CeterisException(r.failures().size() + " scheduled stud" + (r.failures().size() == 1 ? "y" : "ies")
                    + " failed: " + String.join("; ", r.failures()));
        }
        return code;
    }

    static String render(DueRuns.Report r) {
        if (r.due().isEmpty()) {
            return "nothing is due" + System.lineSeparator();
        }
        StringBuilder sb = new StringBuilder();
        for (var o : r.runs()) {
            sb.append(RunCommand.render(o.runs()));
        }
        sb.append(EventsCommand.renderNew(r.events()));
        return sb.toString();
    }
}
