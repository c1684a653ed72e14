package org.ceteris.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.ceteris.CeterisException;
import org.ceteris.server.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ceteris report}: one study as one self-contained HTML file that works offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one study's latest result, charts and history as one self-contained HTML file.")
public final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorkspaceOption workspace;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "the study to report") String study;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "HTML file to write") Path out;

    @Override
    public Integer call() {
        String html = HtmlReport.write(workspace.open(), study);
        Path target = out.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Path tmp = Files.createTempFile(target.getParent(), ".report", ".html");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CeterisException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote %s (%,d bytes; opens offline)%n", out, html.length());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
