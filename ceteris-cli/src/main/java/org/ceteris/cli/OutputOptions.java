package org.ceteris.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and where a command's report goes: exactly one JSON document with {@code --json},
 * else the readable text. Every command that prints a result mixes this in, so the flag reads and
 * behaves the same everywhere.
 */
final class OutputOptions {

    @Spec(Spec.Target.MIXEE) private CommandSpec command;

    @Option(names = "--json", description = "print one JSON document") boolean json;

    /** The command line's own writer (tests give their own). */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Prints {@code result} as JSON with {@code --json}, else as {@code text} renders it; returns exit code 0. */
    <T> int print(T result, Function<? super T, String> text) {
        return print(result, result, text);
    }

    /** As {@link #print(Object, Function)}, with {@code json} as the JSON document instead of {@code result}. */
    <T> int print(T result, Object json, Function<? super T, String> text) {
        PrintWriter out = out();
        if (this.json) {
            Output.json(out, json);
        } else {
            out.print(text.apply(result));
            out.flush();
        }
        return 0;
    }
}
