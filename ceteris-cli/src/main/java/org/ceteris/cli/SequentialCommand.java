package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.report.Wording;
import org.ceteris.sequential.SequentialResult;
import org.ceteris.sequential.SequentialSpec;
import org.ceteris.studies.SequentialStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris sequential}: replay an experiment look by look with an always-valid test. */
@Command(name = "sequential", mixinStandardHelpOptions = true,
        description = "Replay an experiment in time order with a sequential test that stays valid at every look; "
                + "optionally demote clearly losing variants.")
public final class SequentialCommand implements Callable<Integer> {

    @Mixin ArmOptions arms;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "column with each unit's arrival date or time") String time;

    @Option(names = "--metric", paramLabel = "COL", description = "metric column (a 0/1 column is a proportion)") String metric;

    @Option(names = "--ratio", paramLabel = "NUM/DEN", description = "ratio metric ΣNUM/ΣDEN instead of --metric") String ratio;

    @Option(names = "--covariate", paramLabel = "COL", description = "CUPED pre-period covariate of the metric") String covariate;

    @Mixin LookOptions schedule;

    @Option(names = "--n-max", paramLabel = "N", description = "planned total units: stop there; no winner by then means no difference") Long nMax;

    @Mixin SequentialTestOptions test;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        SequentialSpec s = new SequentialSpec(arms.variant, arms.control, SequentialSpec.metric(metric, ratio, covariate), time,
                schedule.schedule(), test.method(), test.tuning, test.alpha,
                test.direction(), test.demote, nMax);
        SequentialResult result = data.run((engine, source) -> SequentialStudy.run(engine, source, s));
        return output.print(result, SequentialCommand::render);
    }

    static String render(SequentialResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sequential test (%s, alpha %s), %d look%s%n%n", r.test().equals("cs")
                ? "confidence sequence" : "mSPRT", r.alpha(), r.looks().size(), r.looks().size() == 1 ? "" : "s"));
        List<String> header = new ArrayList<>(List.of("look", "time", "units"));
        SequentialResult.Look first = r.looks().get(0);
        String control = first.arms().get(0).variant();
        first.arms().stream().skip(1).forEach(a -> header.add(a.variant() + " − " + control + " (p)"));
        TextTable timeline = new TextTable(header);
        for (SequentialResult.Look l : r.looks()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(l.look()), l.time(),
                    String.format(Locale.ROOT, "%,d", l.arms().stream().mapToLong(SequentialResult.Arm::n).sum())));
            l.arms().stream().skip(1).forEach(a -> row.add(a.estimate() == null ? "·"
                    : Wording.number(a.estimate()) + " (" + String.format(Locale.ROOT, "%.3g", a.pValue()) + ")"
                    + (a.status().equals("active") ? "" : " " + a.status())));
            timeline.row(row);
        }
        sb.append(timeline.render()).append('\n');
        SequentialResult.Look last = r.looks().get(r.looks().size() - 1);
        sb.append("Last look (").append(last.look()).append(", ").append(last.time()).append("):\n");
        TextTable t = new TextTable(List.of("variant", "n", "mean", "effect", "interval", "p", "status"));
        for (SequentialResult.Arm a : last.arms()) {
            t.row(List.of(a.variant(), String.format(Locale.ROOT, "%,d", a.n()), a.mean() == null ? "" : Wording.number(a.mean()),
                    a.estimate() == null ? (a.variant().equals(control) ? "(control)" : "") : Wording.number(a.estimate()),
                    a.ciLow() == null ? "" : "[" + Wording.number(a.ciLow()) + ", " + Wording.number(a.ciHigh()) + "]",
                    a.pValue() == null ? "" : String.format(Locale.ROOT, "%.3g", a.pValue()), a.status()));
        }
        sb.append(t.render()).append('\n');
        SequentialResult.Decision d = r.decision();
        sb.append("Decision: ").append(d.status().replace('_', ' '));
        if (d.winner() != null) {
            sb.append(" ").append(d.winner());
        }
        sb.append(" (look ").append(d.look()).append(")\n");
        for (SequentialResult.Demotion x : d.demoted()) {
            sb.append("  demoted ").append(x.variant()).append(" at look ").append(x.look()).append(" (").append(x.time())
                    .append("): ").append(x.reason()).append('\n');
        }
        sb.append('\n');
        return sb.append(Output.diagnosticsAndSummary(r)).toString();
    }
}
