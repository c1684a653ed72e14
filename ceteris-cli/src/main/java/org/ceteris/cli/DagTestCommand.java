package org.ceteris.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.dag.Dag;
import org.ceteris.dag.DagTestInput;
import org.ceteris.dag.DagTestResult;
import org.ceteris.dag.DagTestSpec;
import org.ceteris.dag.DagTester;
import org.ceteris.dag.Implication;
import org.ceteris.dag.ImplicationTest;
import org.ceteris.dag.IndependenceTest;
import org.ceteris.inputs.DagInputs;
import org.ceteris.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris dag test}: the DAG's implications tested against data. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test the DAG's implications against data (Fisher z for numbers, chi-squared for categories).")
public final class DagTestCommand implements Callable<Integer> {

    @Mixin DagOption dag;

    @Mixin AlphaOption alpha;

    @Mixin CorrectionOption correction;

    @Option(names = "--test", defaultValue = "auto", paramLabel = "auto|fisher_z|chisq|g",
            description = "independence test (default ${DEFAULT-VALUE}: chi-squared when all variables are categorical)") String test;

    @Mixin DataOptions data;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        Dag d = dag.read();
        DagTestSpec s = new DagTestSpec(d, alpha.value(), correction.value(), IndependenceTest.parse(test));
        List<Implication> implications = d.implications();
        DagTestResult r = data.run((engine, source) -> {
            IndependenceTest kind = s.test() != null ? s.test()
                    : DagInputs.chooseTest(engine, source, DagInputs.variables(d, implications));
            DagTestInput in = DagInputs.load(engine, source, d, implications, kind);
            return DagTester.test(new DagTestSpec(d, alpha.value(), s.correction(), kind), implications, in);
        });
        return output.print(r, DagTestCommand::render);
    }

    static String render(DagTestResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "DAG implications tested (%s, n %,d, alpha %s, correction %s)%n%n",
                r.test(), r.n(), Wording.number(r.alpha()), r.correction()));
        boolean numeric = r.test().equals("fisher_z");
        TextTable t = new TextTable(numeric ? List.of("implication", "partial r", "z", "p", "p adj", "")
                : List.of("implication", "statistic", "df", "p", "p adj", ""));
        for (ImplicationTest i : r.implications()) {
            String text = i.x() + " ⊥ " + i.y() + (i.given().isEmpty() ? "" : " | " + String.join(", ", i.given()));
            t.row(List.of(text, numeric ? Wording.number(i.estimate()) : Wording.number(i.statistic()),
                    numeric ? Wording.number(i.statistic()) : Wording.number(i.df()),
                    String.format(Locale.ROOT, "%.3g", i.pValue()), String.format(Locale.ROOT, "%.3g", i.pAdjusted()),
                    i.rejected() ? "REJECTED" : ""));
        }
        sb.append(t.render()).append('\n');
        DagCommand.diagnostics(sb, r.diagnostics());
        return sb.append(r.summary()).append('\n').toString();
    }
}
