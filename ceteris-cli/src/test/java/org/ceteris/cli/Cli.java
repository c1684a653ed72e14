package org.ceteris.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the {@code ceteris} command in-process and captures what it prints (test helper). */
public final class Cli {

    /** Exit code and the text printed on stdout and stderr. */
    public record Run(int exitCode, String out, String err) {
        /** Fails with both streams in the message unless the exit code is 0. */
        public Run ok() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstderr: " + err + "\nstdout: " + out);
            }
            return this;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ceteris.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Writes {@code lines} as the CSV file {@code name} in {@code dir}, one line each, and returns its path. */
    public static Path csv(Path dir, String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }
}
