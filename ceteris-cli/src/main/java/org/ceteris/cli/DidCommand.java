package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.did.Did;
import org.ceteris.did.DidResult;
import org.ceteris.did.DidSpec;
import org.ceteris.report.Wording;
import org.ceteris.studies.DidStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris did}: difference-in-differences, event studies and staggered roll-outs. */
@Command(name = "did", mixinStandardHelpOptions = true,
        description = "Difference-in-differences: 2x2 with clustered errors, event study with a pre-trend test, Callaway & Sant'Anna for staggered roll-outs.")
public final class DidCommand implements Callable<Integer> {

    @Mixin PanelOptions panel;

    @Option(names = "--first-treated", paramLabel = "COL", description = "staggered: first treated period, 0 or empty = never") String firstTreated;

    @Option(names = "--control", defaultValue = "never",
            description = "comparison units: never or not-yet (default ${DEFAULT-VALUE})") String control;

    @Option(names = "--estimator", defaultValue = "dr", description = "dr, ipw or reg (default ${DEFAULT-VALUE})") String estimator;

    @Option(names = "--covariates", split = ",", paramLabel = "COL,…",
            description = "covariates for Callaway & Sant'Anna") List<String> covariates = new ArrayList<>();

    @Option(names = "--treated", paramLabel = "COL", description = "2x2: ever-treated flag (0/1)") String treated;

    @Option(names = "--post", paramLabel = "COL", description = "2x2: post-period flag (0/1)") String post;

    @Option(names = "--event-study", description = "two-way fixed-effects event study with leads and lags") boolean eventStudy;

    @Option(names = "--window", paramLabel = "-K:L", description = "event times kept (outer ones binned), e.g. -4:3") String window;

    @Mixin AlphaOption alpha;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        int[] w = DidSpec.parseWindow(window);
        DidSpec didSpec = new DidSpec(panel.unit, panel.time, panel.outcome, treated, post, firstTreated, DidSpec.ComparisonGroup.parse(control),
                DidSpec.DidEstimator.parse(estimator), covariates, eventStudy, w == null ? null : w[0], w == null ? null : w[1], alpha.value());
        // the engine is closed once the panel is read: the estimator runs without DuckDB's memory
        DidResult result = Did.analyze(didSpec, data.run((engine, source) -> DidStudy.load(engine, source, didSpec)));
        return output.print(result, r -> render(r, alpha.value()));
    }

    static String render(DidResult r, double alpha) {
        StringBuilder sb = new StringBuilder();
        String ci = Wording.confidence(alpha) + " CI";
        sb.append(String.format(Locale.ROOT, "Difference-in-differences (%s): %d units, %d periods%n%n", r.design(), r.nUnits(), r.nPeriods()));
        TextTable head = new TextTable(List.of("estimate", "se", ci, "p"));
        head.row(List.of(Wording.number(r.estimate()), Wording.number(r.se()), interval(r.ciLow(), r.ciHigh()), p(r.pValue())));
        sb.append(head.render()).append('\n');
        if (r.aggregations() != null) {
            DidResult.Aggregations a = r.aggregations();
            TextTable t = new TextTable(List.of("aggregation", "att", "se"));
            t.row(List.of("simple", Wording.number(a.simple().att()), Wording.number(a.simple().se())));
            t.row(List.of("by group", Wording.number(a.groupOverall().att()), Wording.number(a.groupOverall().se())));
            t.row(List.of("by event time (e >= 0)", Wording.number(a.dynamicOverall().att()), Wording.number(a.dynamicOverall().se())));
            t.row(List.of("by calendar period", Wording.number(a.calendarOverall().att()), Wording.number(a.calendarOverall().se())));
            sb.append(t.render()).append('\n');
            TextTable dyn = new TextTable(List.of("event time", "att", "se"));
            a.dynamic().forEach(d -> dyn.row(List.of(String.valueOf(d.eventTime()), Wording.number(d.att()), Wording.number(d.se()))));
            sb.append(dyn.render()).append('\n');
            TextTable cells = new TextTable(List.of("group", "time", "ATT(g,t)", "se"));
            r.attGt().forEach(c -> cells.row(List.of(String.valueOf(c.group()), String.valueOf(c.time()), Wording.number(c.att()),
                    Wording.number(c.se()))));
            sb.append(cells.render()).append('\n');
        }
        if (r.eventStudy() != null) {
            TextTable es = new TextTable(List.of("event time", "estimate", "se"));
            es.row(List.of("-1", "0 (reference)", ""));
            r.eventStudy().stream().sorted((x, y) -> Long.compare(x.eventTime(), y.eventTime())).forEach(e -> es.row(List.of(
                    String.valueOf(e.eventTime()), Wording.number(e.estimate()), Wording.number(e.se()))));
            sb.append(es.render()).append('\n');
        }
        if (r.pretrend() != null) {
            DidResult.Pretrend pt = r.pretrend();
            double adjusted = pt.pAdjusted();
            String units = pt.effectiveUnits() < r.nUnits()
                    ? String.format(Locale.ROOT, "%d units (as informative as %.0f)", r.nUnits(), pt.effectiveUnits()) : r.nUnits() + " units";
            sb.append(String.format(Locale.ROOT, "Pre-trend test: chi2 %.3f on %d df, p %s; over %s, small-sample p %s%n%n",
                    pt.statistic(), pt.df(), p(pt.pValue()), units, Double.isNaN(adjusted) ? "n/a (too few units)" : p(adjusted)));
        }
        return sb.append(Output.diagnosticsAndSummary(r)).toString();
    }

    private static String interval(double lo, double hi) {
        return "[" + Wording.number(lo) + ", " + Wording.number(hi) + "]";
    }

    private static String p(double p) {
        return String.format(Locale.ROOT, "%.3g", p);
    }
}
