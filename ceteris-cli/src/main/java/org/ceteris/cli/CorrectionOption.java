package org.ceteris.cli;

import org.ceteris.stats.MultipleTesting;
import picocli.CommandLine.Option;

/**
 * {@code --correction}: how a command controls multiple testing. Holm by default; a command whose
 * convention differs (interactions screen many pairs, so Benjamini–Hochberg) passes its own.
 */
final class CorrectionOption {

    @Option(names = "--correction", description = "none, holm or bh (default ${DEFAULT-VALUE})") String correction;

    CorrectionOption() {
        this("holm");
    }

    CorrectionOption(String byDefault) {
        this.correction = byDefault;
    }

    MultipleTesting.Correction value() {
        return MultipleTesting.Correction.parse(correction);
    }
}
