package org.ceteris.live;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assignment.AssignConfigYaml;

/**
 * For {@link AtomicRevisionTest}: writes revisions of {@code DIR/assignment.yaml} without end,
 * alternating between the two configs of {@link AtomicRevisionTest#configs}, until it is killed.
 */
public final class RevisionWriterMain {

    private RevisionWriterMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        AssignmentFile file = new AssignmentFile(Path.of(args[0]));
        AssignConfig[] configs = AtomicRevisionTest.configs();
        // two whole revisions first (keeping the old file as a numbered revision), then the write
        // primitive alone in a tight loop, so that a kill most likely lands inside a write
        file.write(configs[1]);
        file.write(configs[0]);
        byte[][] texts = {AssignConfigYaml.write(configs[0]).getBytes(StandardCharsets.UTF_8),
                AssignConfigYaml.write(configs[1]).getBytes(StandardCharsets.UTF_8)};
        System.out.println("writing");
        System.out.flush();
        for (int i = 1; ; i++) {
            AssignmentFile.writeAtomically(file.path(), texts[i % 2]);
        }
    }
}
