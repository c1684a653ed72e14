package org.ceteris.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.json.Json;
import org.ceteris.studies.AbStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ab} holds does not grow with the rows: only per-block sums (n/2048 rows of them) reach
 * Java, and the CSV file's parsed columns live in DuckDB, which spills them beyond its memory limit.
 * A child JVM with a 48 MB heap and DuckDB limited to 100 MB runs {@code ab} with CUPED on a CSV file
 * of N rows and one of 2N rows (larger than the DuckDB limit once parsed): both finish, the peak Java
 * heap and the peak resident memory of the 2N run stay within a quarter of the N run's, and a run at
 * N with the limits gives the bytes of a run without them.
 */
@Tag("slow")
class AbMemoryTest {

    static final long N = 1_500_000;

    @TempDir
    Path dir;

    @Test
    void memoryStaysFlatWhenTheInputDoubles() throws Exception {
        Path small = write("n.csv", N);
        Path large = write("2n.csv", 2 * N);
        String[] one = probe(small);
        String[] two = probe(large);
        System.out.printf("AbMemoryTest: N: heap %s B, RSS %s kB; 2N: heap %s B, RSS %s kB%n", one[0], one[1], two[0], two[1]);
        assertEquals(sha256(unlimited(small)), one[2], "the same bytes as without the limits");
        assertTrue(Long.parseLong(two[0]) < Long.parseLong(one[0]) * 1.25, "peak Java heap " + one[0] + " B at N, " + two[0] + " B at 2N");
        assertTrue(Long.parseLong(two[1]) < Long.parseLong(one[1]) * 1.25, "peak RSS " + one[1] + " kB at N, " + two[1] + " kB at 2N");
    }

    private static String unlimited(Path file) {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            return Json.write(AbStudy.run(engine, new Source.File(file),
                    new AbSpecBuilder().variant("variant").metric("m").covariate("m=x").build()));
        }
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private Path write(String name, long rows) {
        Path file = dir.resolve(name);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("SELECT setseed(0.5)");
            engine.execute("COPY (SELECT CASE WHEN i % 2 = 0 THEN 'control' ELSE 'B' END AS variant, "
                    + "round(x + 0.5 * (i % 2) + 3 * random(), 6) AS m, round(x, 6) AS x "
                    + "FROM (SELECT i, 20 + 10 * random() AS x FROM range(" + rows + ") r(i))) TO '" + file + "' (HEADER)");
        }
        return file;
    }

    /** {peak heap bytes, peak RSS kB, SHA-256 of the JSON} of a child JVM running ab on {@code file}. */
    private String[] probe(Path file) throws IOException, InterruptedException {
        Path spill = Files.createDirectories(dir.resolve("spill-" + file.getFileName()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(),
                file.toString(), "100MB", spill.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe finished");
        assertEquals(0, p.exitValue(), out);
        return out.lines().reduce((a, b) -> b).orElse("").split(" ");
    }
}
