package org.ceteris.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ceteris.report.Wording;
import org.ceteris.result.Diagnostic;
import org.ceteris.studies.GeoDesignStudy;
import org.ceteris.synth.GeoDesignResult;
import org.ceteris.synth.GeoDesignSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris geo-design}: power and MDE of the next synthetic-control geo test, by backtests over the history. */
@Command(name = "geo-design", mixinStandardHelpOptions = true,
        description = "Design the next geo test: which K units to test for D periods, the power per effect and the minimum detectable effect, "
                + "by backtests of the synthetic-control placebo test over the history.")
public final class GeoDesignCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin PanelOptions panel;

    @Option(names = "--test-units", required = true, paramLabel = "K", description = "number of units tested together") Integer testUnits;

    @Option(names = "--duration", required = true, paramLabel = "D", description = "length of the test in periods") Integer duration;

    @Option(names = "--effects", paramLabel = "E,…", split = ",",
            description = "relative lifts whose power is reported (0.05 or 5%%); default 0.05,0.10,0.15") List<String> effects;

    @Option(names = "--candidates", paramLabel = "A,B,…", split = ",",
            description = "units that may be tested (default every unit); the others are donors only") List<String> candidates;

    /** A backtest rejects when the placebo p-value is at most alpha: 0.1, synthetic control's convention. */
    @Mixin AlphaOption alpha = new AlphaOption(0.1);

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random sets added to the search when there are too many to try all; "
            + "default ${DEFAULT-VALUE}") long seed;

    @Option(names = "--max-sets", defaultValue = "" + GeoDesignStudy.DEFAULT_MAX_SETS,
            description = "test sets given the full simulation (all sets when there are no more); default ${DEFAULT-VALUE}") int maxSets;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        GeoDesignSpec designSpec = GeoDesignStudy.spec(FlagParams.of(spec, Set.of("data", "output"), "geo-design"));
        GeoDesignResult result;
        try (DataOptions.Opened opened = data.open()) {
            result = OnAllCores.run("ceteris-geo-design", "backtests", output.json,
                    parallel -> (GeoDesignResult) GeoDesignStudy.run(opened.engine(), opened.source(), designSpec, parallel));
        }
        return output.print(result, GeoDesignCommand::render);
    }

    static String render(GeoDesignResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Geo test design: %d unit%s for %d periods, %d backtests (starts %s to %s), %d sets (%s)%n%n",
                r.testUnits(), r.testUnits() == 1 ? "" : "s", r.duration(), r.backtests(), r.firstStart(), r.lastStart(), r.setsEvaluated(),
                r.search()));
        List<String> head = new java.util.ArrayList<>(List.of("test units", "MDE (80%)"));
        r.best().power().forEach(p -> head.add("power " + signed(p.effect())));
        head.add("false alarms");
        head.add("fit RMSPE");
        TextTable t = new TextTable(head);
        for (GeoDesignResult.TestSet s : r.ranking()) {
            List<String> row = new java.util.ArrayList<>(List.of(String.join(", ", s.units()), s.mde() == null ? "> +100%" : signed(s.mde())));
            s.power().forEach(p -> row.add(String.format(Locale.ROOT, "%.0f%%", 100 * p.power())));
            row.add(String.format(Locale.ROOT, "%.0f%%", 100 * s.falsePositiveRate()));
            row.add(Wording.number(s.preRmspe()));
            t.row(row);
        }
        sb.append(t.render()).append('\n');
        TextTable w = new TextTable(List.of("donor", "weight"));
        r.best().weights().forEach((k, v) -> w.row(List.of(k, String.format(Locale.ROOT, "%.3f", v))));
        sb.append("Synthetic control of ").append(String.join(" + ", r.best().units())).append(":\n").append(w.render()).append('\n');
        for (Diagnostic d : r.diagnostics()) {
            sb.append(d.severity().label().toUpperCase(Locale.ROOT)).append(' ').append(d.code()).append(": ").append(d.message()).append('\n');
        }
        sb.append(r.summary()).append('\n');
        return sb.toString();
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * x);
    }
}
