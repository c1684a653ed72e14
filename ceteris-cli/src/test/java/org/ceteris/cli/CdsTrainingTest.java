package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing training run: every command in it must succeed on its generated
 * inputs, or the archive would miss the classes of the failing command's path without anyone noticing.
 */
class CdsTrainingTest {

    @Test
    void everyTrainingCommandSucceedsAndPrints(@TempDir Path dir) throws Exception {
        List<List<String>> commands = CdsTraining.commands(dir);
        assertTrue(commands.stream().anyMatch(c -> c.get(0).equals("ab") && c.get(2).endsWith(".parquet")), "Parquet ab is trained");
        for (String name : List.of("ab", "did", "observe", "power")) {
            assertTrue(commands.stream().anyMatch(c -> c.get(0).equals(name)), name + " is trained");
        }
        for (List<String> command : commands) {
            Cli.Run run = Cli.run(command.toArray(String[]::new)).ok();
            assertFalse(run.out().isBlank(), String.join(" ", command));
        }
        assertTrue(Files.size(dir.resolve("ab.parquet")) > 0);
    }

    @Test
    void theWholeRunSucceedsAndCleansUp() {
        assertEquals(0, CdsTraining.run());
    }
}
