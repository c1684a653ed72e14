package org.ceteris.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceteris.json.Json;
import org.ceteris.scenarios.ReferralScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code observe --dag}: the covariates come from the diagram's smallest minimal adjustment set, with the reasons. */
class ObserveDagTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static Path dag;

    @BeforeAll
    static void referralWorkspace() throws Exception {
        ws = tmp.resolve("ws");
        Cli.run("scenario", "generate", "referral", "--out", ws.toString(), "--seed", "13").ok();
        dag = tmp.resolve("referral.dag");
        Files.writeString(dag, ReferralScenario.DAG);
    }

    @Test
    void adjustsForTheDagsSetAndRecoversTheTruth() throws java.io.IOException {
        Cli.Run run = Cli.run("observe", "--workspace", ws.toString(), "--table", "referral_analysis", "--treatment", "referred",
                "--outcome", "inactive_30", "--dag", "@" + dag, "--method", "aipw", "--estimand", "ate", "--json").ok();
        JsonNode r = Json.read(run.out());
        JsonNode first = r.path("diagnostics").path(0);
        assertEquals("DAG_ADJUSTMENT_SET", first.path("code").asText());
        String msg = first.path("message").asText();
        assertTrue(msg.startsWith("Adjusted for country, friends_on_service, trial_minutes"), msg);
        assertTrue(msg.contains("first_week_minutes: not adjusted: it is a mediator"), msg);
        JsonNode truth = Json.read(readTruth());
        double ate = truth.path("truths").path("ate").asDouble();
        assertTrue(r.path("ci_low").asDouble() <= ate && ate <= r.path("ci_high").asDouble(),
                () -> "interval " + r.path("ci_low") + ".." + r.path("ci_high") + " misses the true ATE " + ate);
        assertEquals(7, r.path("propensity").path("coefficients").size(), "intercept + 4 country dummies + friends + trial");
    }

    @Test
    void covariatesAndDagTogetherIsAnError() {
        CliErrorsTest.assertOneLineError(Cli.run("observe", "--workspace", ws.toString(), "--table", "referral_analysis",
                "--treatment", "referred", "--outcome", "inactive_30", "--dag", "@" + dag, "--covariates", "age"), "not both");
    }

    @Test
    void treatmentMissingFromTheDagIsAnError() {
        CliErrorsTest.assertOneLineError(Cli.run("observe", "--workspace", ws.toString(), "--table", "referral_analysis",
                "--treatment", "referred", "--outcome", "inactive_30", "--dag", "dag { a -> inactive_30 }"), "no node 'referred'");
    }

    @Test
    void unidentifiableEffectIsAnError() {
        CliErrorsTest.assertOneLineError(Cli.run("observe", "--workspace", ws.toString(), "--table", "referral_analysis",
                "--treatment", "referred", "--outcome", "inactive_30",
                "--dag", "dag { U [latent] U -> referred U -> inactive_30 referred -> inactive_30 }"), "no set of measured variables");
    }

    @Test
    void noConfoundingPointsToAPlainComparison() {
        CliErrorsTest.assertOneLineError(Cli.run("observe", "--workspace", ws.toString(), "--table", "referral_analysis",
                "--treatment", "referred", "--outcome", "inactive_30", "--dag", "dag { referred -> inactive_30 }"), "ceteris ab");
    }

    private static String readTruth() throws java.io.IOException {
        return Files.readString(ws.resolve("ground_truth_referral.json"));
    }
}
