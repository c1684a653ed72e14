package org.ceteris.cli;

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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris history}: the stored runs of one study or of all studies, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the stored runs of a workspace's studies.")
public final class HistoryCommand implements Callable<Integer> {

    @Mixin WorkspaceOption workspace;

    @Option(names = "--study", paramLabel = "NAME", description = "only this study (default: every study)") String study;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        if (study != null) {
            WorkspaceConfig.read(ws.config()).study(study);
        }
        List<StoredRun> runs;
        try (DuckDbEngine engine = ws.engine(true)) {
            runs = RunHistory.read(engine, study, false);
        }
        return output.print(runs, runs.stream().map(r -> r.toJson(false)).toList(), this::render);
    }

    private String render(List<StoredRun> runs) {
        if (runs.isEmpty()) {
            return "no runs stored yet; run the studies with `ceteris run --workspace " + workspace.path() + "`" + System.lineSeparator();
        }
        TextTable t = new TextTable(List.of("run", "study", "method", "run at (UTC)", "headline", "verdict", "version"));
        for (StoredRun r : runs) {
            t.row(List.of(String.valueOf(r.runId()), r.study(), r.method(), r.runAt().toString(),
                    r.headline() == null ? "" : headline(r.headline()),
                    r.headline() == null ? "" : r.headline().verdict().replace('_', ' '), r.version()));
        }
        return t.render();
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
