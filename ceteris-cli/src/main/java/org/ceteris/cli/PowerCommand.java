package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ceteris.experiment.PowerResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris power}: sample size for an effect, or the detectable effect for a sample size. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Sample size per arm for a minimum detectable effect (--mde), or the MDE for a sample size (--n).")
public final class PowerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline-mean", required = true, paramLabel = "M", description = "mean of the metric in control")
    double baselineMean;

    @Option(names = "--sd", required = true, paramLabel = "S", description = "standard deviation of the metric per unit")
    double sd;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--mde", paramLabel = "D", description = "absolute difference to detect")
        Double mde;

        @Option(names = "--n", paramLabel = "N", description = "units per arm")
        Long n;
    }

    @Option(names = "--alpha", defaultValue = "0.05", description = "two-sided significance level (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--power", defaultValue = "0.8", description = "probability of detecting the effect (default ${DEFAULT-VALUE})")
    double power;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        if (!Double.isFinite(baselineMean)) {
            throw new org.ceteris.CeterisException("--baseline-mean must be a finite number, got " + baselineMean);
        }
        PowerResult r = target.mde != null
                ? PowerResult.forEffect(baselineMean, sd, target.mde, alpha, power)
                : PowerResult.forSampleSize(baselineMean, sd, target.n, alpha, power);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, r);
        } else {
            out.printf("units per arm: %,d  (total %,d)%nminimum detectable effect: %s (%s of baseline)%n%n%s%n",
                    r.nPerArm(), r.nTotal(), org.ceteris.report.Wording.number(r.mde()),
                    org.ceteris.report.Wording.percent(r.mdeRelative()), r.summary());
            out.flush();
        }
        return 0;
    }
}
