package org.ceteris.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long work, shown only to a person at a terminal: never with
 * {@code --json}, and never when stdout or stderr is redirected (a file, a pipe, CI, a test).
 */
final class Progress implements IntConsumer, AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} steps, or a silent stand-in when no bar should be shown. */
    static Progress of(String task, long total, boolean json) {
        if (json || !interactive()) {
            return new Progress(null);
        }
        PrintStream err = System.err;
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(200)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).clearDisplayOnFinish().build());
    }

    /** True when both stdout and stderr are terminals. */
    static boolean interactive() {
        return System.console() != null && isTerminal(2);
    }

    /** Linux's view of a file descriptor: a terminal is a /dev/pts or /dev/tty device. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return true; // no /proc: trust System.console(), which already saw a terminal on stdout
        }
    }

    /** Sets the number of steps when it is known only once the work starts. */
    void total(long steps) {
        if (bar != null) {
            bar.maxHint(steps);
        }
    }

    /** Moves the bar to {@code done} of {@code total} steps (both known only as the work runs). */
    void at(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void accept(int steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
