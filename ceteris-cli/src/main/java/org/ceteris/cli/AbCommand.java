package org.ceteris.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.experiment.AbResult;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.experiment.Comparison;
import org.ceteris.experiment.MetricResult;
import org.ceteris.experiment.VariantSummary;
import org.ceteris.studies.AbStudy;
import org.ceteris.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris ab}: the A/B/n scorecard. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "A/B/n scorecard: effects with intervals, CUPED, ratio metrics, sample-ratio check, multiple testing.")
public final class AbCommand implements Callable<Integer> {

    @Mixin ArmOptions arms;

    @Mixin UnitOption unit;

    @Option(names = "--metric", paramLabel = "COL",
            description = "mean metric (a 0/1 column is a proportion); repeatable") List<String> metrics = new ArrayList<>();

    @Option(names = "--ratio", paramLabel = "NAME=NUM/DEN",
            description = "ratio metric ΣNUM/ΣDEN; repeatable") List<String> ratios = new ArrayList<>();

    @Option(names = "--covariate", paramLabel = "METRIC=COL",
            description = "CUPED pre-period covariate for a metric; repeatable") List<String> covariates = new ArrayList<>();

    @Option(names = "--split", paramLabel = "NAME=WEIGHT,…", description = "expected traffic split for the SRM check (default equal)") String split;

    @Mixin AlphaOption alpha;

    @Mixin CorrectionOption correction;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        AbSpecBuilder b = new AbSpecBuilder().variant(arms.variant).control(arms.control).unit(unit.unit).alpha(alpha.value())
                .correction(correction.value());
        metrics.forEach(b::metric);
        ratios.forEach(b::ratio);
        covariates.forEach(b::covariate);
        if (split != null) {
            b.split(split);
        }
        AbSpec abSpec = b.build();
        AbResult result = data.run((engine, source) -> AbStudy.run(engine, source, abSpec));
        return output.print(result, AbCommand::render);
    }

    static String render(AbResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "A/B/n scorecard (alpha %s, correction %s)%n%n", Wording.number(r.alpha()), r.correction()));
        sb.append("Sample ratio: ");
        r.srm().observed().forEach((v, n) -> sb.append(v).append(' ').append(String.format(Locale.ROOT, "%,d", n)).append("  "));
        sb.append(String.format(Locale.ROOT, "chi2 %.3f, p %.3g%s%n%n", r.srm().chi2(), r.srm().pValue(),
                r.srm().mismatch() ? "  MISMATCH" : ""));
        for (MetricResult m : r.metrics()) {
            sb.append(m.metric()).append(" (").append(m.kind());
            if (m.covariate() != null) {
                sb.append(", CUPED on ").append(m.covariate()).append(", variance reduced ")
                        .append(Wording.percent(m.varianceReduction()));
            }
            sb.append(")\n");
            TextTable t = new TextTable(List.of("variant", "n", "mean", "sd", "effect", "95% CI".replace("95%", Wording.confidence(r.alpha())),
                    "relative", "p", "p adj"));
            for (VariantSummary v : m.variants()) {
                Comparison c = m.comparisons().stream().filter(x -> x.variant().equals(v.variant())).findFirst().orElse(null);
                List<String> row = new ArrayList<>(List.of(v.variant(), String.format(Locale.ROOT, "%,d", v.n()),
                        Wording.number(v.mean()), Wording.number(v.sd())));
                if (c == null) {
                    row.addAll(List.of("(control)", "", "", "", ""));
                } else {
                    row.add(Wording.number(c.estimate()));
                    row.add("[" + Wording.number(c.ciLow()) + ", " + Wording.number(c.ciHigh()) + "]");
                    row.add(Double.isFinite(c.relative()) ? Wording.percent(c.relative()) : "n/a");
                    row.add(String.format(Locale.ROOT, "%.3g", c.pValue()));
                    row.add(String.format(Locale.ROOT, "%.3g", c.pAdjusted()));
                }
                t.row(row);
            }
            sb.append(t.render()).append('\n');
        }
        return sb.append(Output.diagnosticsAndSummary(r)).toString();
    }
}
