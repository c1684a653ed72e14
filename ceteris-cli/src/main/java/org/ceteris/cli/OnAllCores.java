package org.ceteris.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.ceteris.synth.Parallel;

/**
 * Runs work that spreads over every core ({@link Parallel}) on a pool of daemon threads that lives
 * for one command, with a progress bar of its steps on a terminal ({@link Progress}: never with
 * {@code --json} or redirected output).
 */
final class OnAllCores {

    private OnAllCores() {
    }

    /**
     * @param threadName name of the pool's threads (seen in a thread dump)
     * @param task       the bar's label, or null for no bar
     */
    static <T> T run(String threadName, String task, boolean json, Function<Parallel, T> work) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try (Progress bar = Progress.of(task == null ? "" : task, 1, json || task == null)) {
            return work.apply(new Parallel(pool, (done, total) -> bar.at(done, total)));
        } finally {
            pool.shutdownNow();
        }
    }
}
