package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.List;
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
        description = "Causal inference and experimentation: did this cause that, and by how much?")
public final class Ceteris implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            AbCommand.class,
            DidCommand.class,
            AssignCommand.class,
            InteractionsCommand.class,
            ObserveCommand.class,
            SequentialCommand.class,
            SimulateSequentialCommand.class,
            SynthCommand.class,
            GeoDesignCommand.class,
            PowerCommand.class,
            ImportCommand.class,
            SqlCommand.class,
            ScenarioCommand.class,
            AdviseCommand.class,
            LabCommand.class,
            DagCommand.class,
            MetricsCommand.class,
            RunCommand.class,
            HistoryCommand.class,
            EventsCommand.class,
            ScheduleCommand.class,
            SimulateLiveCommand.class,
            ReportCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for input a user can fix: bad flags, bad data. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Preload preload = Preload.start(args);
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        preload.await();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err, args.length > 0 ? args[0] : null);
        return cli.execute(args);
    }

    /** The whole command line, every subcommand in it. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line for {@code first}, the first argument: when it names a subcommand, only that
     * one is built (picocli reads every option of every subcommand it is given, a quarter of a second
     * of each run's start-up); otherwise (help, no or a mistyped subcommand) all of them, so that
     * usage and errors list them all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine cli = new CommandLine(new Ceteris());
        Class<?> named = first == null ? null : COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && first.equals(c.getAnnotation(Command.class).name()))
                .findFirst().orElse(null);
        for (Class<?> c : named != null ? List.of(named) : COMMANDS) {
            cli.addSubcommand(c);
        }
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
