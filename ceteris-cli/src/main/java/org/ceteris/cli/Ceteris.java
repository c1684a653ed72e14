package org.ceteris.cli;

import java.io.PrintWriter;
import org.ceteris.CeterisException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ceteris} command: one subcommand per method. Errors a user can fix print one line on
 * stderr and exit with code 2; nothing else prints a stack trace unless CETERIS_DEBUG is set.
 */
@Command(name = "ceteris",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Causal inference and experimentation: did this cause that, and by how much?",
        subcommands = {
                DemoCommand.class,
                AbCommand.class,
                DidCommand.class,
                AssignCommand.class,
                InteractionsCommand.class,
                ObserveCommand.class,
                SequentialCommand.class,
                SimulateSequentialCommand.class,
                SynthCommand.class,
                PowerCommand.class,
                ImportCommand.class,
                SqlCommand.class,
                ScenarioCommand.class,
                AdviseCommand.class,
                LabCommand.class,
                DagCommand.class,
                RunCommand.class,
                HistoryCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Ceteris implements Runnable {

    /** Exit code for input a user can fix: bad flags, bad data. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Ceteris());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExpandAtFiles(false); // --dag @FILE is read by the dag commands
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + oneLine(ex.getMessage()) + " (see `" + c.getCommandSpec().qualifiedName() + " --help`)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable root = ex;
            while (!(root instanceof CeterisException) && root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (System.getenv("CETERIS_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            if (root instanceof CeterisException) {
                c.getErr().println("error: " + root.getMessage());
                return BAD_INPUT;
            }
            c.getErr().println("internal error: " + oneLine(String.valueOf(ex)) + " (please report it; CETERIS_DEBUG=1 shows details)");
            return 1;
        });
        return cli;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
