package org.ceteris.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.report.Wording;
import org.ceteris.studies.Headline;
import org.ceteris.workspace.RunHistory;
import org.ceteris.workspace.StoredRun;
import org.ceteris.workspace.Workspace;
import org.ceteris.workspace.WorkspaceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris history}: the stored runs of one study or of all studies, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the stored runs of a workspace's studies.")
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "workspace folder")
    Path workspace;

    @Option(names = "--study", paramLabel = "NAME", description = "only this study (default: every study)")
    String study;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Workspace ws = Workspace.open(workspace);
        if (study != null) {
            WorkspaceConfig.read(ws.config()).study(study);
        }
        List<StoredRun> runs;
        try (DuckDbEngine engine = ws.engine(true)) {
            runs = RunHistory.read(engine, study, false);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, runs.stream().map(r -> r.toJson(false)).toList());
            return 0;
        }
        if (runs.isEmpty()) {
            out.println("no runs stored yet; run the studies with `ceteris run --workspace " + workspace + "`");
            out.flush();
            return 0;
        }
        TextTable t = new TextTable(List.of("run", "study", "method", "run at (UTC)", "headline", "verdict", "version"));
        for (StoredRun r : runs) {
            t.row(List.of(String.valueOf(r.runId()), r.study(), r.method(), r.runAt().toString(),
                    r.headline() == null ? "" : headline(r.headline()),
                    r.headline() == null ? "" : r.headline().verdict().replace('_', ' '), r.version()));
        }
        out.print(t.render());
        out.flush();
        return 0;
    }

    /** "watch minutes, B vs control: +4.1% [2.0%, 6.2%]". */
    static String headline(Headline h) {
        String est = h.relative() ? signed(Wording.percent(h.estimate()), h.estimate()) : signed(Wording.number(h.estimate()), h.estimate());
        String lo = h.relative() ? Wording.percent(h.ciLow()) : Wording.number(h.ciLow());
        String hi = h.relative() ? Wording.percent(h.ciHigh()) : Wording.number(h.ciHigh());
        return h.label() + ": " + est + (Double.isNaN(h.ciLow()) ? "" : " [" + lo + ", " + hi + "]");
    }

    private static String signed(String text, double x) {
        return x > 0 ? "+" + text : text;
    }
}
