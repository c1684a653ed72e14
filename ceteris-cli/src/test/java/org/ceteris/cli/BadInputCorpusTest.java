package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ceteris.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/cases.tsv}, written by {@code make_corpus.py}):
 * every case runs in-process and must end exactly as the manifest says, either exit 2 with one line
 * on stderr containing the expected fragment (no exception name, no stack trace, no "internal error"),
 * or exit 0 with the named diagnostic code in the JSON. Cases on the prepared workspace {@code {W}}
 * must leave every file of the workspace byte-identical.
 */
class BadInputCorpusTest {

    private static Path dir;
    @TempDir
    static Path shared;
    private static Path workspace;
    private static final List<String> ACTUAL = new ArrayList<>();

    @BeforeAll
    static void prepare() throws Exception {
        dir = Path.of(BadInputCorpusTest.class.getResource("/badinput/cases.tsv").toURI()).getParent();
        workspace = shared.resolve("ws");
        Cli.run("import", "--workspace", workspace.toString(), "--table", "events", dir.resolve("data/ab.csv").toString()).ok();
    }

    /** With -Dbadinput.discover=true, writes the actual outcome of each case next to the build output. */
    @AfterAll
    static void writeActual() throws IOException {
        if (Boolean.getBoolean("badinput.discover")) {
            Files.write(Path.of("target/badinput-actual.tsv"), ACTUAL, StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path manifest = Path.of(BadInputCorpusTest.class.getResource("/badinput/cases.tsv").toURI());
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(Arguments.of(f[0], Integer.parseInt(f[1]), f[2], List.of(Arrays.copyOfRange(f, 3, f.length))));
        }
        assertTrue(out.size() >= 200, "the corpus has " + out.size() + " cases");
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void badInput(String id, int exit, String fragment, List<String> template) throws IOException {
        Path tmp = Files.createTempDirectory(shared, "case");
        String[] args = template.stream()
                .map(a -> a.replace("{D}", dir.toString()).replace("{T}", tmp.toString()).replace("{W}", workspace.toString()))
                .toArray(String[]::new);
        boolean usesWorkspace = template.stream().anyMatch(a -> a.contains("{W}"));
        Map<String, String> before = usesWorkspace ? hashes(workspace) : Map.of();
        Cli.Run run = Cli.run(args);
        ACTUAL.add(id + "\t" + run.exitCode() + "\t" + run.err().strip().replace("\n", "\\n") + "\t"
                + (run.exitCode() == 0 ? codes(run.out()) : ""));
        if (usesWorkspace) {
            assertEquals(before, hashes(workspace), "the workspace changed");
        }
        String err = run.err().strip();
        assertFalse(err.contains("Exception") || err.contains("internal error") || err.contains("\tat "),
                () -> "exception or internal error on stderr: " + err);
        assertEquals(exit, run.exitCode(), () -> "stderr: " + err + "\nstdout: " + run.out());
        if (exit == 2) {
            assertFalse(err.contains("\n"), () -> "more than one line: " + err);
            assertTrue(err.startsWith("error: "), () -> "not an error line: " + err);
            assertTrue(err.contains(fragment), () -> "expected '" + fragment + "' in: " + err);
            assertTrue(run.out().isEmpty(), () -> "stdout should be empty: " + run.out());
        } else if (template.contains("--json")) {
            List<String> codes = codes(run.out());
            assertTrue(fragment.equals("-") || codes.contains(fragment), () -> "expected diagnostic " + fragment + " in " + codes);
        }
    }

    /** Diagnostic codes anywhere in the JSON document (fields named "code"). */
    private static List<String> codes(String json) {
        if (json.isBlank() || !json.strip().startsWith("{")) {
            return List.of();
        }
        JsonNode root = Json.read(json);
        List<String> codes = new ArrayList<>();
        root.findValues("code").forEach(n -> codes.add(n.asText()));
        return codes;
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    out.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return out;
    }
}
