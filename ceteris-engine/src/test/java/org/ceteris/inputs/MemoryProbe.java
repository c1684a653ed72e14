package org.ceteris.inputs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.experiment.AbSpecBuilder;
import org.ceteris.json.Json;
import org.ceteris.studies.AbStudy;

/**
 * Run by {@link AbMemoryTest} in a child JVM with a small heap: {@code ab} with CUPED on FILE with
 * DuckDB limited to LIMIT (spilling to TEMPDIR), then prints the peak Java heap used (bytes, summed
 * over the heap pools), the peak resident set of the process (VmHWM, kB) and the result's SHA-256.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String json;
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            engine.execute("SET memory_limit = '" + args[1] + "'");
            engine.execute("SET temp_directory = '" + args[2] + "'");
            json = Json.write(AbStudy.run(engine, new Source.File(Path.of(args[0])),
                    new AbSpecBuilder().variant("variant").metric("m").covariate("m=x").build()));
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .findFirst().orElse("VmHWM: 0 kB").replaceAll("\\D", "");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.println(heap + " " + hwm + " " + java.util.HexFormat.of().formatHex(digest));
    }
}
