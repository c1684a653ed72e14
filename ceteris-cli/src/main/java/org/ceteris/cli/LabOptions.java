package org.ceteris.cli;

import java.nio.file.Path;
import org.ceteris.labs.Lab;
import org.ceteris.labs.Labs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which lab and in which folder: shared by {@code ceteris lab start} and {@code ceteris lab check}. */
final class LabOptions {

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;

    Lab lab() {
        return Labs.get(name);
    }
}
