package org.ceteris.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.ceteris.CeterisException;

/**
 * How the many fits of placebo inference run: on a caller-supplied executor (core never creates
 * threads) with a progress callback. Results come back in task order, so output does not depend on
 * scheduling.
 *
 * @param executor null to run on the calling thread
 * @param progress told (done, total) after each task; null for none
 */
public record Parallel(ExecutorService executor, Progress progress) {

    /** Progress of a batch of fits. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /** Runs on the calling thread, silently. */
    public static Parallel sequential() {
        return new Parallel(null, null);
    }

    <T> List<T> map(int n, IntFunction<T> task) {
        AtomicInteger done = new AtomicInteger();
        List<T> out = new ArrayList<>(n);
        if (executor == null) {
            for (int i = 0; i < n; i++) {
                out.add(task.apply(i));
                report(done.incrementAndGet(), n);
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final int idx = i;
            futures.add(executor.submit(() -> {
                T r = task.apply(idx);
                report(done.incrementAndGet(), n);
                return r;
            }));
        }
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CeterisException("interrupted while fitting placebos");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    private void report(int done, int total) {
        if (progress != null) {
            synchronized (this) {
                progress.update(done, total);
            }
        }
    }
}
