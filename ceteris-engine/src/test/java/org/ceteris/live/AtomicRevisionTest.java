package org.ceteris.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assign.ExperimentConfig;
import org.ceteris.assignment.AssignConfigYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while it writes revisions of {@code assignment.yaml} leaves the old
 * file or the new one, byte for byte, never a mixture or an empty file: the kill lands at random
 * moments of a loop that does nothing but write (after two whole revisions) a ~300 kB config.
 */
class AtomicRevisionTest {

    /** Two large configs that differ in one experiment's ranges. */
    static AssignConfig[] configs() {
        List<ExperimentConfig> a = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            a.add(new ExperimentConfig("experiment-" + i, List.of("control", "artwork-a", "artwork-b", "artwork-c"), null, 0.9,
                    null, 2, null, null, Map.of()));
        }
        List<ExperimentConfig> b = new ArrayList<>(a);
        for (int i = 0; i < 2000; i += 2) {
            b.set(i, a.get(i).without(Set.of("artwork-b")));
        }
        return new AssignConfig[] {new AssignConfig(List.of(), a), new AssignConfig(List.of(), b)};
    }

    @Test
    void aKillDuringAWriteLeavesTheOldOrTheNewFile(@TempDir Path dir) throws Exception {
        AssignConfig[] configs = configs();
        String[] texts = {AssignConfigYaml.write(configs[0]), AssignConfigYaml.write(configs[1])};
        Files.writeString(dir.resolve(AssignmentFile.FILE), texts[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random rnd = new Random(21);
        int[] seen = new int[2];
        for (int kill = 0; kill < 3; kill++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RevisionWriterMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            assertEquals("writing", out.readLine(), "the writer started");
            Thread.sleep(20 + rnd.nextInt(200)); // the kill must land at an unknown point of the write loop
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
            String now = Files.readString(dir.resolve(AssignmentFile.FILE));
            int which = now.equals(texts[0]) ? 0 : now.equals(texts[1]) ? 1 : -1;
            assertTrue(which >= 0, "after kill " + kill + " the file is one of the two configs, not a mixture ("
                    + now.length() + " chars)");
            seen[which]++;
            assertEquals(configs[which], AssignConfigYaml.read(dir.resolve(AssignmentFile.FILE)));
        }
        assertTrue(new AssignmentFile(dir).currentRevision() > 6, "revisions were being written when the kills came");
    }
}
