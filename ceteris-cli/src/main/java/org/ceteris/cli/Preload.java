package org.ceteris.cli;

import java.util.List;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.json.Json;

/**
 * Start-up work that nearly every command needs, done on a second thread while picocli reads the
 * arguments and the command reads its options: loading DuckDB (≈ 0.15 s) and building the JSON
 * writer (≈ 0.15 s). Whoever needs either first simply waits for the class initialisation under way,
 * so the result is the same as without it. Not started for help and version output.
 */
final class Preload {

    private static final List<String> NO_WORK = List.of("-h", "--help", "-V", "--version", "help");

    private final Thread thread;

    private Preload(Thread thread) {
        this.thread = thread;
    }

    static Preload start(String[] args) {
        if (args.length == 0 || List.of(args).stream().anyMatch(NO_WORK::contains)) {
            return new Preload(null);
        }
        Thread t = new Thread(Preload::load, "ceteris-preload");
        t.setDaemon(true);
        t.start();
        return new Preload(t);
    }

    private static void load() {
        try {
            DuckDbEngine.preload();
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
