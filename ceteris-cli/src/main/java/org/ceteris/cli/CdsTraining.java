package org.ceteris.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ceteris.engine.DuckDbEngine;

/**
 * The fixed run the launcher records its class-data-sharing archive from (the classes loaded here
 * are stored already parsed and verified, and later commands map them instead of reading the jar).
 * Recording from a fixed run rather than from whichever command happens to come first after a build
 * makes the archive, and so every command's start-up, the same on every machine: an archive written
 * by {@code power} alone lacked DuckDB and cost {@code ab} a tenth of a second (BENCHMARKS.md,
 * "paths"). It runs the common commands on small generated inputs in a temporary folder (about two
 * seconds, once per build) and deletes the folder. Not a command: {@code java -cp ceteris-all.jar
 * org.ceteris.cli.CdsTraining}; the exit code is that of the first command that failed, else 0.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) {
        System.exit(run());
    }

    /** Runs every training command; 0 when all succeeded, else the first failing command's code. */
    static int run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ceteris-cds");
            int first = 0;
            for (List<String> command : commands(dir)) {
                int code = Ceteris.execute(command.toArray(String[]::new), quiet(), quiet());
                if (code != 0 && first == 0) {
                    first = code;
                }
            }
            return first;
        } catch (IOException | RuntimeException e) {
            return 1;
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** The command lines, after writing their inputs into {@code dir}. */
    static List<List<String>> commands(Path dir) throws IOException {
        Path ab = dir.resolve("ab.csv");
        Path abParquet = dir.resolve("ab.parquet");
        Path did = dir.resolve("did.csv");
        Path observe = dir.resolve("observe.csv");
        SplittableRandom random = new SplittableRandom(20261205L);
        writeAb(ab, random);
        writeDid(did, random);
        writeObserve(observe, random);
        DuckDbEngine engine = DuckDbEngine.inMemory();
        try {
            engine.execute("COPY (SELECT * FROM read_csv('" + sql(ab) + "')) TO '" + sql(abParquet) + "' (FORMAT parquet)");
        } finally {
            engine.close();
        }
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("ab", "--data", ab.toString(), "--variant", "variant", "--metric", "m", "--covariate", "m=x", "--json"));
        commands.add(List.of("ab", "--data", abParquet.toString(), "--variant", "variant", "--metric", "m", "--covariate", "m=x", "--json"));
        commands.add(List.of("ab", "--data", ab.toString(), "--variant", "variant", "--metric", "m"));
        commands.add(List.of("did", "--data", did.toString(), "--unit", "unit", "--time", "period", "--outcome", "y",
                "--first-treated", "first_treated", "--json"));
        commands.add(List.of("observe", "--data", observe.toString(), "--treatment", "treat", "--outcome", "y",
                "--covariates", "x1,x2,x3", "--json"));
        commands.add(List.of("power", "--baseline-mean", "10", "--sd", "3", "--mde", "0.1", "--json"));
        commands.add(List.of("power", "--baseline-mean", "10", "--sd", "3", "--mde", "0.1"));
        return commands;
    }

    private static void writeAb(Path file, SplittableRandom random) throws IOException {
        StringBuilder sb = new StringBuilder("variant,m,x\n");
        for (int i = 0; i < 4000; i++) {
            String v = i % 2 == 0 ? "control" : "treatment";
            double x = random.nextDouble() * 10;
            double m = x + (i % 2) * 0.3 + random.nextDouble();
            sb.append(v).append(',').append(m).append(',').append(x).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static void writeDid(Path file, SplittableRandom random) throws IOException {
        int[] cohorts = {0, 4, 6, 8};
        StringBuilder sb = new StringBuilder("unit,period,first_treated,y\n");
        for (int u = 0; u < 200; u++) {
            int g = cohorts[u % cohorts.length];
            double alpha = random.nextDouble();
            for (int t = 1; t <= 10; t++) {
                double y = alpha + 0.1 * t + (g > 0 && t >= g ? 1.0 : 0.0) + random.nextDouble();
                sb.append(u).append(',').append(t).append(',').append(g).append(',').append(y).append('\n');
            }
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static void writeObserve(Path file, SplittableRandom random) throws IOException {
        StringBuilder sb = new StringBuilder("treat,y,x1,x2,x3\n");
        for (int i = 0; i < 2000; i++) {
            double x1 = random.nextDouble();
            double x2 = random.nextDouble();
            int x3 = random.nextDouble() < 0.4 ? 1 : 0;
            int treat = random.nextDouble() < 0.3 + 0.3 * x1 ? 1 : 0;
            double y = 1 + 2 * treat + x1 - x2 + 0.5 * x3 + random.nextDouble();
            sb.append(treat).append(',').append(y).append(',').append(x1).append(',').append(x2).append(',').append(x3).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String sql(Path file) {
        return file.toString().replace("'", "''");
    }

    private static PrintWriter quiet() {
        return new PrintWriter(Writer.nullWriter());
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
