package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds only the subcommand named in the first argument (start-up time), and all of
 * them when it names none, so that usage, help and errors still list every command.
 */
class CommandLineModelTest {

    private static Set<String> subcommands(String first) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Ceteris.commandLine(sink, sink, first).getSubcommands().keySet();
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("synth"), subcommands("synth"));
        assertEquals(Set.of("dag"), subcommands("dag"));
    }

    @Test
    void everySubcommandOtherwise() {
        int all = Ceteris.COMMANDS.size();
        assertEquals(all, subcommands(null).size());
        assertEquals(all, subcommands("nope").size(), "a mistyped command: the error lists them all");
        assertEquals(all, subcommands("help").size());
        assertEquals(all, subcommands("--help").size());
    }

    @Test
    void eachCommandIsFoundByItsOwnName() {
        for (Class<?> c : Ceteris.COMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            if (c != CommandLine.HelpCommand.class) {
                assertEquals(Set.of(name), subcommands(name), name);
            }
        }
    }

    @Test
    void usageAndHelpStillListEveryCommand() {
        Cli.Run usage = Cli.run().ok();
        Cli.Run help = Cli.run("help").ok();
        for (String name : List.of("demo", "ab", "synth", "serve", "report")) {
            assertTrue(usage.out().contains("  " + name + " "), () -> name + " missing from: " + usage.out());
            assertTrue(help.out().contains("  " + name + " "), () -> name + " missing from: " + help.out());
        }
        assertTrue(Cli.run("help", "synth").ok().out().startsWith("Usage: ceteris synth"));
    }
}
