package org.ceteris.cli;

import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;

/**
 * Start-up work that nearly every command needs, done on a second thread while picocli reads the
 * arguments and the command reads its options: loading DuckDB (≈ 0.15 s) and building the JSON
 * writer (≈ 0.15 s). Whoever needs either first simply waits for the class initialisation under way,
 * so the result is the same as without it. Not started for help and version output; DuckDB is not
 * loaded for the commands that read no data ({@code power}, {@code simulate-sequential},
 * {@code advise}, {@code dag} other than {@code dag test}).
 */
final class Preload {

    private static final List<String> NO_WORK = List.of("-h", "--help", "-V", "--version", "help");

    /** Commands that read no data: DuckDB (a fifth of a second of CPU) is not loaded for them. */
    private static final List<String> NO_DATA = List.of("power", "simulate-sequential", "advise");

    private final Thread thread;

    private Preload(Thread thread) {
        this.thread = thread;
    }

    static Preload start(String[] args) {
        if (args.length == 0 || List.of(args).stream().anyMatch(NO_WORK::contains)) {
            return new Preload(null);
        }
        boolean data = !NO_DATA.contains(args[0]) && !(args[0].equals("dag") && (args.length < 2 || !args[1].equals("test")));
        Thread t = new Thread(() -> load(data), "ceteris-preload");
        t.setDaemon(true);
        t.start();
        return new Preload(t);
    }

    private static void load(boolean data) {
        try {
            if (data) {
                DuckDbEngine.preload();
            }
            Json.mapper();
        } catch (RuntimeException | LinkageError e) {
            // the command itself reports whatever is wrong when it gets there
        }
    }

    /** Waits for the preload to end, so that the process never exits while DuckDB is being loaded. */
    void await() {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
