package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a newcomer reads first must work: the README's test command is {@code .ci/run} (setup, then
 * {@code mvn -B verify}); every {@code ./ceteris …} line it shows runs, from the repository's folder,
 * once the demo has written {@code demo-workspace/}; every flag its command table names exists; and
 * no page of the README or {@code docs/} links to a file outside the repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Set<String> PATH_FLAGS = Set.of("--workspace", "--dir", "--data", "--out", "--config", "--units", "--dag");

    @TempDir
    Path tmp;

    private String readme;

    @BeforeAll
    void read() throws IOException {
        readme = Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void theTestCommandIsCiRunWhichSetsUpThenVerifies() throws IOException {
        List<String> firstBlock = fencedBlocks(readme).get(0);
        assertTrue(firstBlock.get(1).startsWith(".ci/run "), "README's second command line: " + firstBlock.get(1));
        Path run = ROOT.resolve(".ci/run");
        assertTrue(Files.isExecutable(run));
        List<String> steps = Files.readAllLines(run).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(steps.contains("bash .ci/setup"), steps::toString);
        assertEquals("mvn -B verify", steps.get(steps.size() - 1));
        assertTrue(Files.isExecutable(ROOT.resolve(".ci/setup")));
    }

    @Test
    void everyCommandLineTheReadmeShowsRuns() {
        List<List<String>> commands = exampleCommands();
        assertTrue(commands.size() >= 15, () -> "too few commands found: " + commands);
        assertEquals("demo", commands.get(0).get(0), "the demo runs first: the other lines read its workspace");
        for (List<String> args : commands) {
            List<String> a = localise(args);
            if (a.get(0).equals("serve")) {
                // serving blocks until stopped: check that the line parses and names an existing workspace
                new CommandLine(new Ceteris()).addSubcommand(ServeCommand.class).parseArgs(a.toArray(String[]::new));
                assertTrue(Files.isDirectory(Path.of(a.get(a.indexOf("--workspace") + 1))), a::toString);
                continue;
            }
            Cli.Run r = Cli.run(a.toArray(String[]::new));
            assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\nstderr: " + r.err());
        }
    }

    @Test
    void everyFlagOfTheCommandTableExists() {
        String table = section(readme, "## Commands");
        Matcher m = Pattern.compile("`(ceteris [^`]+)`").matcher(table);
        int checked = 0;
        StringWriter sink = new StringWriter();
        CommandLine all = Ceteris.commandLine(new PrintWriter(sink), new PrintWriter(sink));
        while (m.find()) {
            List<String> words = List.of(m.group(1).split("\\s+"));
            CommandLine cmd = all;
            for (String w : words.subList(1, words.size())) {
                if (w.startsWith("-") || w.startsWith("<") || w.startsWith("[") || w.startsWith("(") || !w.matches("[a-z][a-z|-]*")) {
                    break;
                }
                String first = w.split("\\|")[0];
                for (String alt : w.split("\\|")) {
                    assertTrue(cmd.getSubcommands().containsKey(alt), () -> "no subcommand " + alt + " in: " + m.group(1));
                }
                cmd = cmd.getSubcommands().get(first);
            }
            if (cmd == all) {
                continue; // `ceteris <method> … --engine spark`: flags of every method, checked by their own rows
            }
            Matcher f = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*").matcher(m.group(1));
            while (f.find()) {
                String flag = f.group();
                CommandLine c = cmd;
                assertTrue(c.getCommandSpec().findOption(flag) != null, () -> flag + " is not an option of `" + c.getCommandSpec().qualifiedName()
                        + "` (README: " + m.group(1) + ")");
                checked++;
            }
        }
        assertTrue(checked > 40, "flags checked: " + checked);
    }

    @Test
    void noPageLinksOutsideTheRepository() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("BENCHMARKS.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)[^)]*\\)");
        Pattern mdFile = Pattern.compile("`([^`\\s]*\\.md)`(?: §\\d+)?");
        for (Path page : pages) {
            String text = Files.readString(page);
            assertFalse(text.contains("REFERENCES"), page + " points to REFERENCES.md, which is not part of the repository");
            for (Pattern p : List.of(link, mdFile)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z]+:.*")) {
                        continue; // an address on the web, not a file
                    }
                    Path fromPage = page.getParent().resolve(target).normalize();
                    Path fromRoot = ROOT.resolve(target).normalize();
                    boolean inside = (fromPage.startsWith(ROOT) && Files.exists(fromPage)) || (fromRoot.startsWith(ROOT) && Files.exists(fromRoot));
                    assertTrue(inside, () -> ROOT.relativize(page) + " names " + target + ", which is not a file of the repository");
                }
            }
        }
    }

    /** The commands of every code span and code block outside the command table, in order; {@code ./ceteris} dropped. */
    private List<List<String>> exampleCommands() {
        String text = readme.replace(section(readme, "## Commands"), "");
        List<List<String>> out = new ArrayList<>();
        for (List<String> block : fencedBlocks(text)) {
            String joined = String.join("\n", block).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.split("\n")) {
                addCommand(line.replaceAll("\\s+#.*$", ""), out);
            }
        }
        Matcher m = Pattern.compile("(?<!`)`(\\./ceteris [^`]+|ceteris [^`]+)`(?!`)").matcher(text.replaceAll("(?s)```.*?```", ""));
        while (m.find()) {
            addCommand(m.group(1), out);
        }
        // the demo first, whatever the order on the page
        out.sort((x, y) -> Boolean.compare(!x.get(0).equals("demo"), !y.get(0).equals("demo")));
        return out;
    }

    private static void addCommand(String line, List<List<String>> out) {
        String l = line.strip();
        if (l.startsWith("./ceteris ") || l.startsWith("ceteris ")) {
            List<String> words = shellWords(l);
            out.add(words.subList(1, words.size()));
        }
    }

    /** Paths as the README writes them, relative to the repository: example files read from it, everything else in a temporary folder. */
    private List<String> localise(List<String> args) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i);
            boolean pathValue = i > 0 && PATH_FLAGS.contains(args.get(i - 1));
            if (pathValue) {
                String at = v.startsWith("@") ? "@" : "";
                String path = v.substring(at.length());
                if (!Path.of(path).isAbsolute() && !path.contains("{")) {
                    v = at + (path.startsWith("docs/") ? ROOT.resolve(path) : tmp.resolve(path));
                }
            } else if (args.get(0).equals("sql")) {
                v = v.replaceAll("TO '([^'/][^']*)'", "TO '" + tmp.toString().replace("\\", "\\\\") + "/$1'");
            }
            a.add(v);
        }
        if (a.get(0).equals("demo")) {
            if (!a.contains("--no-serve")) {
                a.add("--no-serve");
            }
            if (!a.contains("--dir")) {
                a.addAll(List.of("--dir", tmp.resolve("demo-workspace").toString()));
            }
        }
        return a;
    }

    private static List<List<String>> fencedBlocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("```")) {
                if (current == null) {
                    current = new ArrayList<>();
                } else {
                    blocks.add(current);
                    current = null;
                }
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String text, String heading) {
        int i = text.indexOf("\n" + heading + "\n");
        assertTrue(i >= 0, "no section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int j = text.indexOf("\n" + level, i + heading.length() + 1);
        return text.substring(i, j < 0 ? text.length() : j);
    }

    /** Splits a command line as a POSIX shell would for the quoting the README uses ('…' and "…"). */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
