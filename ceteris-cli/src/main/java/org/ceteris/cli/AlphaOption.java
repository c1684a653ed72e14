package org.ceteris.cli;

import picocli.CommandLine.Option;

/**
 * {@code --alpha}: the significance level of a command's tests and intervals. The default is 0.05;
 * a command whose convention differs (synthetic control's 0.1) passes its own to the constructor,
 * and picocli shows it in the help as the default.
 */
final class AlphaOption {

    @Option(names = "--alpha", description = "significance level (default ${DEFAULT-VALUE})") double alpha;

    AlphaOption() {
        this(0.05);
    }

    AlphaOption(double byDefault) {
        this.alpha = byDefault;
    }

    double value() {
        return alpha;
    }
}
