package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ceteris.engine.Column;
import org.ceteris.engine.Dialect;
import org.ceteris.engine.DuckDbDialect;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Engine;
import org.ceteris.engine.Rows;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbInput;
import org.ceteris.experiment.AbSpec;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.stats.CoMoments;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partitioned path of {@link AbInputs} (used by Spark) without Spark: DuckDB with a dialect
 * that names a partition per row ({@code hash(user) % k}). Per-partition statistics merged in
 * Java must equal DuckDB's one-piece aggregates: counts exactly, means, variances and covariances
 * to 1e-12 relative, whatever the number of partitions.
 */
class PartitionedAbInputsTest {

    @TempDir
    Path dir;

    /** DuckDB's SQL with a partition column. */
    private record Partitioned(int k) implements Dialect {
        @Override
        public String readFile(Path file) {
            return DuckDbDialect.INSTANCE.readFile(file);
        }

        @Override
        public String finiteOrNull(String expr) {
            return DuckDbDialect.INSTANCE.finiteOrNull(expr);
        }

        @Override
        public String tryTimestamp(String expr) {
            return DuckDbDialect.INSTANCE.tryTimestamp(expr);
        }

        @Override
        public String epochSeconds(String timestamp) {
            return DuckDbDialect.INSTANCE.epochSeconds(timestamp);
        }

        @Override
        public String partitionId() {
            return "(hash(rowid_) % " + k + ")";
        }
    }

    /** A DuckDB engine that speaks {@link Partitioned}. */
    private record PartitionedEngine(DuckDbEngine duck, Dialect dialect) implements Engine {
        @Override
        public Rows query(String sql) {
            return duck.query(sql);
        }

        @Override
        public List<Column> columns(Source source) {
            return duck.columns(source);
        }

        @Override
        public void close() {
        }
    }

    private Path data(int rows) throws Exception {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("rowid_,user,variant,y,x,num,den\n");
        for (int i = 0; i < rows; i++) {
            String v = new String[] {"control", "a", "b"}[r.nextInt(3)];
            double x = 1000 + 50 * r.nextGaussian();
            double y = 0.8 * x + 10 * r.nextGaussian() + (v.equals("a") ? 0.01 : 0);
            sb.append(i).append(',').append(i / 2).append(',').append(i % 50 == 0 ? "" : v).append(',')
                    .append(i % 37 == 0 ? "" : String.format(Locale.ROOT, "%.9f", y)).append(',')
                    .append(String.format(Locale.ROOT, "%.9f", x)).append(',').append(r.nextInt(9)).append(',')
                    .append(1 + r.nextInt(4)).append('\n');
        }
        Path p = dir.resolve("d.csv");
        Files.writeString(p, sb);
        return p;
    }

    private static void assertRel(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(expected == actual || Math.abs(expected - actual) <= 1e-12 * scale,
                what + ": " + expected + " vs " + actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64})
    void mergedPartitionsEqualOnePieceAggregates(int k) throws Exception {
        Path file = data(20000);
        AbSpec spec = new AbSpecBuilder().variant("variant").metric("y").covariate("y=x").ratio("r=num/den").build();
        try (DuckDbEngine duck = DuckDbEngine.inMemory()) {
            duck.execute("CREATE TABLE t AS SELECT * FROM " + duck.relation(new Source.File(file)));
            AbInput whole = AbInputs.load(duck, new Source.Table("t"), spec);
            AbInput parts = AbInputs.load(new PartitionedEngine(duck, new Partitioned(k)), new Source.Table("t"), spec);
            assertEquals(whole.variants(), parts.variants());
            assertEquals(whole.units(), parts.units());
            assertEquals(whole.excluded(), parts.excluded());
            assertEquals(whole.unassigned(), parts.unassigned());
            for (String metric : List.of("y", "r")) {
                for (String v : whole.variants()) {
                    CoMoments a = whole.stats().get(metric).get(v);
                    CoMoments b = parts.stats().get(metric).get(v);
                    assertEquals(a.n(), b.n());
                    assertRel(a.meanA(), b.meanA(), metric + " " + v + " mean a");
                    assertRel(a.meanB(), b.meanB(), metric + " " + v + " mean b");
                    assertRel(a.varA(), b.varA(), metric + " " + v + " var a");
                    assertRel(a.varB(), b.varB(), metric + " " + v + " var b");
                    assertRel(a.covAB(), b.covAB(), metric + " " + v + " cov");
                }
            }
        }
    }
}
