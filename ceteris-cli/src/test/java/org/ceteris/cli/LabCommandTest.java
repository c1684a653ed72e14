package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris lab check} on a lab as a learner leaves it: nothing answered, then half of it. */
class LabCommandTest {

    @TempDir
    Path tmp;

    /**
     * What {@code lab check} prints for a started referral lab whose answers.yaml is as the template
     * left it but for the first estimate, set to {@code estimate}; the check must succeed.
     */
    private String checkWithEstimate(String estimate) throws Exception {
        Path dir = tmp.resolve("lab");
        Cli.run("lab", "start", "referral", "--dir", dir.toString()).ok();
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, Files.readString(answers).replaceFirst("(?m)^  estimate:$", "  estimate: " + estimate));
        return Cli.run("lab", "check", "referral", "--dir", dir.toString()).ok().out();
    }

    @Test
    void aFreshLabChecksAsNothingAnsweredYet() {
        String dir = tmp.resolve("lab").toString();
        Cli.run("lab", "start", "referral", "--dir", dir).ok();
        Cli.Run check = Cli.run("lab", "check", "referral", "--dir", dir);
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("", check.err());
        assertTrue(check.out().contains("q4_ate") && check.out().contains("not answered yet"), check.out());
        assertTrue(check.out().contains("Score: 0.0 / "), check.out());
        assertFalse(check.out().contains("Model solution"), "no solutions before any answer: " + check.out());
    }

    @Test
    void answeredQuestionsAreGradedAndTheRestListed() throws Exception {
        String out = checkWithEstimate("-0.1"); // no interval, every other answer blank
        String q4 = out.lines().filter(l -> l.contains("q4_ate")).findFirst().orElseThrow();
        assertTrue(q4.contains("the truth is") && !q4.contains("not answered"), q4);
        assertTrue(out.contains("not answered yet: ") && out.contains("q4_ate: "), "the open ones listed, the answered one's solution: " + out);
    }

    @Test
    void aWordWhereANumberGoesIsFeedbackNotAnError() throws Exception {
        assertTrue(checkWithEstimate("about ten points").contains("'about ten points' is not a number"));
    }
}
