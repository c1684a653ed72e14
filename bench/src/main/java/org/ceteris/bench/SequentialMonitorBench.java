package org.ceteris.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ceteris.sequential.Direction;
import org.ceteris.sequential.MetricKind;
import org.ceteris.sequential.SequentialMonitor;
import org.ceteris.sequential.SequentialTest;
import org.ceteris.stats.CoMoments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Updates per second of {@link SequentialMonitor}: one batch of per-arm sufficient statistics merged
 * into a monitor that has already taken {@code history} batches, every arm read against control and
 * every pair of active arms read for demotion. The cost should not depend on {@code history}.
 * Run: {@code mvn -B -Pbench -pl bench -am package && java -jar bench/target/benchmarks.jar SequentialMonitorBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SequentialMonitorBench {

    @Param({"0", "1000", "100000"})
    int history;

    @Param({"2", "5"})
    int arms;

    @Param({"CS", "MSPRT"})
    SequentialTest.Method method;

    @Param({"MEAN", "CUPED"})
    MetricKind kind;

    SequentialMonitor monitor;
    CoMoments[][] batches;
    int next;

    @Setup
    public void setUp() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            names.add(i == 0 ? "control" : "arm" + i);
        }
        SplittableRandom rnd = new SplittableRandom(1);
        batches = new CoMoments[1024][];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = batch(rnd);
        }
        monitor = SequentialMonitor.start(new SequentialMonitor.Settings(names, "control", kind, method, 0.05, 5000,
                Direction.HIGHER, true));
        for (int h = 0; h < history; h++) {
            monitor = monitor.update(batch(rnd)); // fresh equal-arm batches: the history is a real A/A/… test
        }
        if (monitor.winner() >= 0 || monitor.demotions().size() > 0) {
            throw new IllegalStateException("the history decided something; the benchmark wants every pair still read");
        }
    }

    /**
     * A batch of 20 units per arm, all arms equal, as sufficient statistics drawn directly:
     * covariate mean ~ N(10, 1/20), metric = covariate + N(0, 1) noise (Var 2, Cov 1 per unit).
     */
    private CoMoments[] batch(SplittableRandom rnd) {
        CoMoments[] b = new CoMoments[arms];
        for (int a = 0; a < arms; a++) {
            double meanB = 10 + rnd.nextGaussian() / Math.sqrt(20);
            double meanA = meanB + rnd.nextGaussian() / Math.sqrt(20);
            b[a] = CoMoments.ofVariances(20, meanA, meanB, 2, 1, 1);
        }
        return b;
    }

    /** One more batch on top of {@code history} earlier ones. */
    @Benchmark
    public SequentialMonitor update() {
        next = (next + 1) & 1023;
        return monitor.update(batches[next]);
    }
}
