package org.ceteris.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.advisor.Advice;
import org.ceteris.advisor.MethodAdvisor;
import org.ceteris.advisor.Situation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ceteris advise}: recommends a design from the shape of the question. Asks on a terminal
 * for what the flags leave out (unless --no-input); otherwise advises from what it was told.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Recommend a design (experiment, synthetic control, DiD, propensity methods) for a causal question.")
public final class AdviseCommand implements Callable<Integer> {

    @Option(names = "--randomised", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "can units be assigned at random?") Boolean randomised;

    @Option(names = "--treated-units", paramLabel = "N", description = "how many units got the change") Integer treatedUnits;

    @Option(names = "--units", paramLabel = "N", description = "how many units in all") Integer units;

    @Option(names = "--pre-periods", paramLabel = "N", description = "periods of outcome data before the change") Integer prePeriods;

    @Option(names = "--comparison", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "are there comparable units without the change?") Boolean comparison;

    @Option(names = "--staggered", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "did units get the change at different times?") Boolean staggered;

    @Option(names = "--unit-covariates", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "unit-level data on what drove who got the change?") Boolean unitCovariates;

    @Option(names = "--dag", paramLabel = "yes|no", arity = "1", converter = YesNo.class, description = "is there a causal graph?") Boolean dag;

    @Option(names = "--early-stopping", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "look at results continuously and stop early?") Boolean earlyStopping;

    @Option(names = "--variants", paramLabel = "N", description = "versions compared, including control") Integer variants;

    @Option(names = "--concurrent", paramLabel = "yes|no", arity = "1", converter = YesNo.class,
            description = "do other experiments run on the same units?") Boolean concurrent;

    @Option(names = "--no-input", description = "never ask; advise from the flags alone") boolean noInput;

    @Mixin OutputOptions output;

    @Override
    public Integer call() throws IOException {
        Boolean rand = randomised;
        Boolean comp = comparison;
        Boolean stag = staggered;
        Boolean cov = unitCovariates;
        Boolean hasDag = dag;
        Boolean early = earlyStopping;
        Boolean conc = concurrent;
        PrintWriter out = output.out();
        if (!noInput && !output.json && System.console() != null) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            if (rand == null) {
                rand = ask(in, out, "Can you choose at random who gets the change? (yes/no)");
            }
            if (Boolean.TRUE.equals(rand)) {
                early = early != null ? early : ask(in, out, "Do you want to look at results continuously and stop early? (yes/no)");
                conc = conc != null ? conc : ask(in, out, "Do other experiments run on the same members? (yes/no)");
            } else {
                treatedUnits = treatedUnits != null ? treatedUnits : askInt(in, out, "How many units (members, cities, regions) got the change?");
                prePeriods = prePeriods != null ? prePeriods : askInt(in, out, "How many periods of the outcome do you have from before the change?");
                comp = comp != null ? comp : ask(in, out, "Are there comparable units that did not get the change? (yes/no)");
                stag = stag != null ? stag : ask(in, out, "Did units get the change at different times? (yes/no)");
                cov = cov != null ? cov : ask(in, out, "Do you have unit-level data on what drove who got the change? (yes/no)");
                hasDag = hasDag != null ? hasDag : ask(in, out, "Have you drawn a causal graph of what drives what? (yes/no)");
            }
        }
        check("--treated-units", treatedUnits);
        check("--units", units);
        check("--pre-periods", prePeriods);
        check("--variants", variants);
        if (variants != null && variants < 2) {
            throw new CeterisException("--variants counts the control too: give 2 or more, got " + variants);
        }
        if (treatedUnits != null && units != null && treatedUnits > units) {
            throw new CeterisException("--treated-units (" + treatedUnits + ") cannot exceed --units (" + units + ")");
        }
        Advice a = MethodAdvisor.advise(new Situation(rand, treatedUnits, units, prePeriods, comp, stag, cov, hasDag, early,
                variants, conc));
        return output.print(a, AdviseCommand::render);
    }

    static String render(Advice a) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Recommended design: " + a.design());
        out.println();
        out.println("Why:");
        a.reasons().forEach(r -> out.println("  - " + r));
        out.println("What must hold (check these):");
        a.assumptions().forEach(r -> out.println("  - " + r));
        out.println("Run:");
        out.println("  " + a.command());
        if (!a.alternatives().isEmpty()) {
            out.println("Also consider:");
            a.alternatives().forEach(r -> out.println("  - " + r));
        }
        a.warnings().forEach(w -> out.println("Note: " + w));
        out.flush();
        return text.toString();
    }

    private static void check(String flag, Integer v) {
        if (v != null && v < 0) {
            throw new CeterisException(flag + " must be zero or more, got " + v);
        }
    }

    /** Reads yes/no flags as booleans: yes, y, true or no, n, false, in any case. */
    static final class YesNo implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            try {
                return yesNo("value", value);
            } catch (CeterisException e) {
                throw new CommandLine.TypeConversionException("takes yes or no, got '" + value + "'");
            }
        }
    }

    static Boolean yesNo(String flag, String v) {
        if (v == null) {
            return null;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true":
                return true;
            case "no", "n", "false":
                return false;
            default:
                throw new CeterisException(flag + " takes yes or no, got '" + v + "'");
        }
    }

    private static Boolean ask(BufferedReader in, PrintWriter out, String question) throws IOException {
        while (true) {
            out.print(question + " ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            try {
                return yesNo("answer", line);
            } catch (CeterisException e) {
                out.println("Please answer yes or no.");
            }
        }
    }

    private static Integer askInt(BufferedReader in, PrintWriter out, String question) throws IOException {
        while (true) {
            out.print(question + " ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(line.strip());
            } catch (NumberFormatException e) {
                out.println("Please give a whole number.");
            }
        }
    }
}
