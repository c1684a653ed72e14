package org.ceteris.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ceteris.CeterisException;
import org.ceteris.dag.DotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris dag draw}: the DAG as Graphviz DOT, or as SVG when Graphviz {@code dot} is installed. */
@Command(name = "draw", mixinStandardHelpOptions = true, description = "Draw the DAG: FILE.dot (Graphviz DOT) or FILE.svg (needs Graphviz 'dot').")
public final class DagDrawCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DagOption dag;

    @Option(names = "--out", required = true, paramLabel = "FILE.svg|FILE.dot", description = "where to write the drawing") Path out;

    @Override
    public Integer call() throws IOException {
        String dot = DotWriter.write(dag.read());
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".dot") && !name.endsWith(".gv") && !name.endsWith(".svg")) {
            throw new CeterisException("--out must end in .dot or .svg, got '" + out.getFileName() + "'");
        }
        byte[] bytes = name.endsWith(".svg") ? svg(dot) : dot.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            // a missing folder or no permission is the user's to fix, not an internal error
            throw new CeterisException("cannot write --out " + out + " (" + e.getClass().getSimpleName().replace("Exception", "")
                    + "): check that the folder exists and is writable");
        }
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static byte[] svg(String dot) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CeterisException("writing SVG needs Graphviz 'dot', which is not installed (apt-get install graphviz); write FILE.dot instead");
        }
        try {
            p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] svg = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new CeterisException("Graphviz 'dot' failed to draw the DAG; write FILE.dot instead");
            }
            return svg;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CeterisException("interrupted while drawing the DAG");
        }
    }
}
