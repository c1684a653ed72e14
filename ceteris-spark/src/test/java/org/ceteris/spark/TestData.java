package org.ceteris.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.ceteris.engine.DuckDbEngine;

/**
 * A seeded experiment table written as CSV and as Parquet (the Parquet by DuckDB's COPY): users in
 * three variants, some with two rows, a skewed watch-time metric with a correlated pre-period
 * covariate, a 0/1 conversion, a ratio (plays per session) and a few missing and non-finite values.
 */
final class TestData {

    static final Path MPDTA = Path.of("../ceteris-core/src/test/resources/org/ceteris/did/mpdta.csv");
    static final Path PROP99 = Path.of("../ceteris-core/src/test/resources/org/ceteris/synth/data/smoking_prop99.csv");
    static final Path CARD_KRUEGER = Path.of("../ceteris-core/src/test/resources/org/ceteris/did/card_krueger_1994.csv");

    private TestData() {
    }

    /** Writes {@code experiment.csv} and {@code experiment.parquet} into {@code dir}; returns the CSV. */
    static Path experiment(Path dir, int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("user,variant,watch,pre_watch,converted,plays,sessions\n");
        String[] variants = {"control", "a", "b"};
        for (int i = 0; i < rows; i++) {
            int user = i < rows / 10 ? i : i - rows / 10; // the first tenth of users have two rows
            String v = variants[Math.floorMod(user * 7919, 3)];
            double lift = v.equals("a") ? 0.3 : v.equals("b") ? -0.1 : 0.0;
            double pre = Math.exp(2.0 + 0.8 * r.nextGaussian());
            double watch = 0.7 * pre + 4.0 * r.nextGaussian() + lift + 10.0;
            int converted = r.nextDouble() < (v.equals("a") ? 0.22 : 0.2) ? 1 : 0;
            int sessions = 1 + r.nextInt(6);
            int plays = sessions * (1 + r.nextInt(4)) + (v.equals("b") ? 1 : 0);
            String w = i % 97 == 5 ? "" : String.format(Locale.ROOT, "%.6f", watch); // missing
            String p = i % 131 == 7 ? "" : String.format(Locale.ROOT, "%.6f", pre);
            sb.append(user).append(',').append(i % 211 == 3 ? "" : v).append(',').append(w).append(',').append(p).append(',')
                    .append(converted).append(',').append(plays).append(',').append(sessions).append('\n');
        }
        Path csv = dir.resolve("experiment.csv");
        try {
            Files.writeString(csv, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (DuckDbEngine duck = DuckDbEngine.inMemory()) {
            duck.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + dir.resolve("experiment.parquet")
                    + "' (FORMAT parquet)");
        }
        return csv;
    }

    /**
     * Three overlapping experiments (the third with members outside it, empty arm) and a metric with
     * a true interaction between the first two; members have one or two rows. Returns the CSV.
     */
    static Path interactions(Path dir, int members, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("member,row_ranking,artwork,autoplay,watch_minutes\n");
        for (int i = 0; i < members; i++) {
            boolean a = r.nextBoolean();
            boolean b = r.nextBoolean();
            String c = r.nextInt(5) == 0 ? "" : (r.nextBoolean() ? "control" : "on");
            for (int k = 0; k < 1 + i % 2; k++) {
                double y = 30 + 2 * (a ? 1 : 0) + (b ? 1 : 0) + (a && b ? 4 : 0) + 5 * r.nextGaussian();
                sb.append("m").append(i).append(',').append(a ? "personalised" : "control").append(',')
                        .append(b ? "v2" : "control").append(',').append(c).append(',')
                        .append(i % 89 == 1 ? "" : String.format(Locale.ROOT, "%.6f", y)).append('\n');
            }
        }
        Path csv = dir.resolve("interactions.csv");
        try {
            Files.writeString(csv, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv;
    }

    /** Three arms arriving over ten days (B better, C worse), with a pre-period covariate; Parquet. */
    static Path sequential(Path dir, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("variant,day,minutes,pre\n");
        String[] arms = {"control", "B", "C"};
        double[] lift = {0, 0.6, -0.9};
        for (int day = 1; day <= 10; day++) {
            for (int i = 0; i < 300; i++) {
                int a = rnd.nextInt(3);
                double pre = 10 + 3 * rnd.nextGaussian();
                sb.append(arms[a]).append(String.format(Locale.ROOT, ",2026-03-%02d,%.4f,%.4f%n", day,
                        pre + lift[a] + 2 * rnd.nextGaussian(), pre));
            }
        }
        return parquet(dir, "sequential", sb);
    }

    /** Confounded treatment (x1 and region raise it) with a true effect of 1.5 on y; one id per unit; Parquet. */
    static Path observational(Path dir, long seed) {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("id,treat,y,x1,x2,region\n");
        for (int i = 0; i < 600; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            String region = new String[] {"north", "south", "west"}[rng.nextInt(3)];
            int t = rng.nextDouble() < 1 / (1 + Math.exp(-(0.8 * x1 - 0.3 + (region.equals("west") ? 0.5 : 0)))) ? 1 : 0;
            double y = 2 + 1.5 * t + x1 + 0.5 * x2 + rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%s%n", i, t, y, x1, x2, region));
        }
        return parquet(dir, "observational", sb);
    }

    /** A → B → C with Gaussian noise, and a categorical column; Parquet. */
    static Path chain(Path dir, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("A,B,C,label\n");
        for (int i = 0; i < 800; i++) {
            double a = rnd.nextGaussian();
            double b = 0.8 * a + rnd.nextGaussian();
            double c = 0.7 * b + rnd.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,x%d%n", a, b, c, i % 3));
        }
        return parquet(dir, "chain", sb);
    }

    /** {@code name}.csv and, converted by DuckDB, {@code name}.parquet; returns the Parquet. */
    private static Path parquet(Path dir, String name, CharSequence csvText) {
        Path csv = dir.resolve(name + ".csv");
        Path out = dir.resolve(name + ".parquet");
        try {
            Files.writeString(csv, csvText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (DuckDbEngine duck = DuckDbEngine.inMemory()) {
            duck.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + out + "' (FORMAT parquet)");
        }
        return out;
    }
}
