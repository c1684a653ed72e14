package org.ceteris.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.experiment.PowerResult;
import org.ceteris.report.Wording;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceteris power}: sample size for an effect, or the detectable effect for a sample size. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Sample size per arm for a minimum detectable effect (--mde), or the MDE for a sample size (--n).")
public final class PowerCommand implements Callable<Integer> {

    @Option(names = "--baseline-mean", required = true, paramLabel = "M", description = "mean of the metric in control") double baselineMean;

    @Option(names = "--sd", required = true, paramLabel = "S", description = "standard deviation of the metric per unit") double sd;

    @ArgGroup(exclusive = true, multiplicity = "1") Target target;

    static final class Target {
        @Option(names = "--mde", paramLabel = "D", description = "absolute difference to detect") Double mde;

        @Option(names = "--n", paramLabel = "N", description = "units per arm") Long n;
    }

    @Mixin AlphaOption alpha;

    @Option(names = "--power", defaultValue = "0.8", description = "probability of detecting the effect (default ${DEFAULT-VALUE})") double power;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        if (!Double.isFinite(baselineMean)) {
            throw new org.ceteris.CeterisException("--baseline-mean must be a finite number, got " + baselineMean);
        }
        PowerResult r = target.mde != null
                ? PowerResult.forEffect(baselineMean, sd, target.mde, alpha.value(), power)
                : PowerResult.forSampleSize(baselineMean, sd, target.n, alpha.value(), power);
        return output.print(r, PowerCommand::render);
    }

    static String render(PowerResult r) {
        return String.format(Locale.ROOT, "units per arm: %,d  (total %,d)%nminimum detectable effect: %s (%s of baseline)%n%n%s%n",
                r.nPerArm(), r.nTotal(), Wording.number(r.mde()), Wording.percent(r.mdeRelative()), r.summary());
    }
}
