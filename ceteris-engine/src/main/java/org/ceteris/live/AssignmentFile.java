package org.ceteris.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;
import org.ceteris.assign.AssignConfig;
import org.ceteris.assignment.AssignConfigYaml;

/**
 * A workspace's {@code assignment.yaml} and its numbered revisions. A new revision is written
 * atomically: the old file is first kept as {@code assignment-revisions/assignment.N.yaml}, the new
 * text goes to a temporary file in the same folder, is forced to disk, and is renamed over
 * {@code assignment.yaml} in one atomic step, then the folder is forced too. A reader (the server,
 * an SDK sync, a crash half-way) sees the old file or the new one, never a mixture.
 */
public final class AssignmentFile {

    public static final String FILE = "assignment.yaml";
    public static final String REVISIONS = "assignment-revisions";
    private static final Pattern NUMBERED = Pattern.compile("assignment\\.(\\d+)\\.yaml");

    private final Path file;

    public AssignmentFile(Path workspaceDir) {
        this.file = workspaceDir.resolve(FILE);
    }

    public Path path() {
        return file;
    }

    /** The current config; missing or invalid is a one-line error. */
    public AssignConfig read() {
        if (!Files.isRegularFile(file)) {
            throw new CeterisException("no " + FILE + " in the workspace: put the assignment config (the YAML of `ceteris assign --config`) next to ceteris.yaml");
        }
        return AssignConfigYaml.read(file);
    }

    /** The number the current file has as a revision: 1 + the revisions kept before it. */
    public int currentRevision() {
        return lastKept() + 1;
    }

    private int lastKept() {
        Path dir = file.resolveSibling(REVISIONS);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int max = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NUMBERED.matcher(p.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new CeterisException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return max;
    }

    /** The kept text of revision {@code n} (the current file when n is the current revision). */
    public Path revision(int n) {
        return n == currentRevision() ? file : file.resolveSibling(REVISIONS).resolve("assignment." + n + ".yaml");
    }

    /**
     * Replaces the config with {@code next}, keeping the current file as a numbered revision;
     * returns the new revision's number. The text is checked to read back to {@code next} first.
     */
    public int write(AssignConfig next) {
        String text = AssignConfigYaml.write(next);
        if (!AssignConfigYaml.parse(text, FILE).equals(next)) {
            throw new IllegalStateException("the written assignment config does not read back to itself");
        }
        int kept = currentRevision();
        try {
            Path dir = file.resolveSibling(REVISIONS);
            Files.createDirectories(dir);
            writeAtomically(dir.resolve("assignment." + kept + ".yaml"), Files.readAllBytes(file));
            writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CeterisException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return kept + 1;
    }

    /**
     * Takes back revision {@code n}, the current file: the kept revision n − 1 becomes
     * {@code assignment.yaml} again (atomically) and then leaves the revisions folder. A crash between
     * the two steps leaves the same text under both names, and taking back n again finishes the job.
     */
    public void undo(int n) {
        if (n < 2 || n != currentRevision()) {
            throw new IllegalStateException("revision " + n + " is not the current revision " + currentRevision() + " after another");
        }
        Path kept = revision(n - 1);
        try {
            writeAtomically(file, Files.readAllBytes(kept));
            Files.delete(kept);
        } catch (IOException e) {
            throw new CeterisException("cannot restore " + file + " from " + kept + ": " + e.getMessage(), e);
        }
    }

    /** Temp file in the target's folder, fsync, atomic rename, fsync of the folder. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open a folder; the rename itself is still atomic
        }
    }
}
