package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ceteris advise} from its flags alone: the yes/no answers are read as yes/no, in any spelling the help allows. */
class AdviseCommandTest {

    @Test
    void yesAndNoFlagsTakeTheirValue() {
        Cli.Run randomised = Cli.run("advise", "--no-input", "--randomised", "yes", "--early-stopping", "no", "--concurrent", "N").ok();
        assertTrue(randomised.out().startsWith("Recommended design: Randomised A/B experiment"), randomised.out());
        Cli.Run synth = Cli.run("advise", "--no-input", "--randomised", "No", "--treated-units", "1", "--units", "40",
                "--pre-periods", "60", "--comparison", "true", "--staggered", "false").ok();
        assertTrue(synth.out().contains("ynthetic control"), synth.out());
    }

    @Test
    void anythingElseIsOneLineNamingTheFlag() {
        Cli.Run r = Cli.run("advise", "--no-input", "--staggered", "maybe");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--staggered") && r.err().contains("yes or no") && r.err().contains("'maybe'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
