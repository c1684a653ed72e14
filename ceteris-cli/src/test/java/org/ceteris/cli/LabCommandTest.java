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
        Path dir = tmp.resolve("lab");
        Cli.run("lab", "start", "referral", "--dir", dir.toString()).ok();
        Path answers = dir.resolve("answers.yaml");
        // the estimate filled in without an interval, one design question answered, the rest as the template left them
        String text = Files.readString(answers).replaceFirst("(?m)^  estimate:$", "  estimate: -0.1");
        Files.writeString(answers, text);
        Cli.Run check = Cli.run("lab", "check", "referral", "--dir", dir.toString()).ok();
        String q4 = check.out().lines().filter(l -> l.contains("q4_ate")).findFirst().orElseThrow();
        assertTrue(q4.contains("the truth is") && !q4.contains("not answered"), q4);
        assertTrue(check.out().contains("not answered yet: "), check.out());
        assertTrue(check.out().contains("q4_ate: "), "the answered question's solution: " + check.out());
    }

    @Test
    void aWordWhereANumberGoesIsFeedbackNotAnError() throws Exception {
        Path dir = tmp.resolve("lab");
        Cli.run("lab", "start", "referral", "--dir", dir.toString()).ok();
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, Files.readString(answers).replaceFirst("(?m)^  estimate:$", "  estimate: about ten points"));
        Cli.Run check = Cli.run("lab", "check", "referral", "--dir", dir.toString()).ok();
        assertTrue(check.out().contains("'about ten points' is not a number"), check.out());
    }
}
