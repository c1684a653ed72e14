package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ceteris.did.DidResult;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.ceteris.studies.Params;
import org.ceteris.studies.StudyMethods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceteris did} end to end through DuckDB: the JSON contract, the study registry and bad input. */
class DidCommandTest {

    /** mpdta as shipped with R did (copied into the core test resources). */
    static final Path MPDTA = Path.of("../ceteris-core/src/test/resources/org/ceteris/did/mpdta.csv");
    static final Path CARD_KRUEGER = Path.of("../ceteris-core/src/test/resources/org/ceteris/did/card_krueger_1994.csv");

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    @Test
    void staggeredJsonContractAndDeterminism() {
        String[] args = {"did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--json"};
        Cli.Run run = Cli.run(args).ok();
        JsonNode j = Json.read(run.out());
        List<String> fields = List.of("method", "design", "estimate", "se", "ci_low", "ci_high", "p_value", "n_units", "n_periods",
                "att_gt", "aggregations", "event_study", "pretrend", "diagnostics", "summary");
        List<String> actual = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(actual::add);
        assertEquals(fields, actual);
        assertEquals("did", j.get("method").asText());
        assertEquals("staggered", j.get("design").asText());
        // R did 2.5.0, aggte(type = "simple"): -0.0399512751551763 (0.0120340127701854)
        assertEquals(-0.0399512751551763, j.get("estimate").asDouble(), 1e-6);
        assertEquals(0.0120340127701854, j.get("se").asDouble(), 1e-4 * 0.012);
        assertEquals(12, j.get("att_gt").size());
        JsonNode cell = j.get("att_gt").get(0);
        assertEquals(List.of("group", "time", "att", "se"), names(cell));
        JsonNode agg = j.get("aggregations");
        assertEquals(List.of("att", "se"), names(agg.get("simple")));
        assertEquals(List.of("event_time", "att", "se"), names(agg.get("dynamic").get(0)));
        assertEquals(-3, agg.get("dynamic").get(0).get("event_time").asInt());
        assertEquals(List.of("statistic", "df", "p_value", "effective_units", "p_adjusted"), names(j.get("pretrend")));
        assertTrue(j.get("event_study").isNull());
        assertEquals(run.out(), Cli.run(args).ok().out(), "same inputs give byte-identical JSON");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void cardKruegerWithNaTextGivesTwoSeventyFive() {
        Cli.Run run = Cli.run("did", "--data", CARD_KRUEGER.toString(), "--unit", "id", "--time", "d", "--outcome", "fte",
                "--treated", "nj", "--post", "d", "--json").ok();
        JsonNode j = Json.read(run.out());
        assertEquals("2x2", j.get("design").asText());
        assertEquals(2.75, j.get("estimate").asDouble(), 0.005);
        assertTrue(j.get("att_gt").isNull() && j.get("aggregations").isNull() && j.get("pretrend").isNull());
        assertTrue(run.out().contains("MISSING_VALUES"));
    }

    @Test
    void eventStudyTextReport() {
        Cli.Run run = Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--event-study", "--window", "-3:3").ok();
        assertTrue(run.out().contains("event_study"));
        assertTrue(run.out().contains("DID_TWFE_STAGGERED"));
        assertTrue(run.out().contains("Pre-trend test"));
    }

    @Test
    void eventStudyJson() {
        JsonNode j = Json.read(Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome",
                "lemp", "--first-treated", "first.treat", "--event-study", "--json").ok().out());
        assertEquals("event_study", j.get("design").asText());
        assertTrue(j.get("att_gt").isNull() && j.get("aggregations").isNull());
        JsonNode es = j.get("event_study");
        assertEquals(List.of("event_time", "estimate", "se"), names(es.get(0)));
        // leads -4 … -2 and lags 0 … 3 for cohorts 2004, 2006, 2007 over 2003–2007; -1 is the reference
        assertEquals(List.of(-4L, -3L, -2L, 0L, 1L, 2L, 3L), java.util.stream.StreamSupport.stream(es.spliterator(), false)
                .map(n -> n.get("event_time").asLong()).toList());
        assertEquals(3, j.get("pretrend").get("df").asInt());
        assertTrue(j.get("diagnostics").toString().contains("DID_TWFE_STAGGERED"));
    }

    @Test
    void registeredAsStudy() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            DidResult r = (DidResult) StudyMethods.get("did").run(engine, new Source.File(MPDTA), new Params("study x",
                    Map.of("unit", "countyreal", "time", "year", "outcome", "lemp", "first_treated", "first.treat",
                            "control", "not-yet", "estimator", "dr")));
            // R did 2.5.0, control_group = "notyettreated": simple ATT -0.0397636256230437
            assertEquals(-0.0397636256230437, r.estimate(), 1e-6);
        }
    }

    @Test
    void unitTreatedInTwoPeriods() throws IOException {
        Path p = csv("two.csv", "u,t,y,g", "1,1,1.0,2", "1,2,2.0,3", "2,1,1.0,0", "2,2,1.5,0");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--first-treated", "g"), "treated in two different periods");
    }

    @Test
    void noComparisonUnits() throws IOException {
        Path p = csv("all.csv", "u,t,y,g", "1,1,1.0,2", "1,2,2.0,2", "2,1,1.0,2", "2,2,1.5,2");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--first-treated", "g"), "no never-treated units");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--first-treated", "g", "--control", "not-yet"), "no not-yet-treated units");
    }

    @Test
    void singlePeriod() throws IOException {
        Path p = csv("one.csv", "u,t,y,d,post", "1,1,1.0,1,1", "2,1,1.0,0,1");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--treated", "d", "--post", "post"), "only one period");
    }

    @Test
    void timeThatDoesNotParse() throws IOException {
        Path p = csv("time.csv", "u,t,y,g", "1,spring,1.0,0", "1,summer,2.0,0");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--first-treated", "g"), "not a whole-number period");
    }

    @Test
    void duplicateUnitTimeRows() throws IOException {
        Path p = csv("dup.csv", "u,t,y,d,post", "1,1,1.0,1,0", "1,1,1.2,1,0", "1,2,2.0,1,1", "2,1,1.0,0,0", "2,2,1.5,0,1");
        assertOneLineError(Cli.run("did", "--data", p.toString(), "--unit", "u", "--time", "t", "--outcome", "y",
                "--treated", "d", "--post", "post"), "more than one row for period 1");
    }

    @Test
    void badFlags() {
        assertOneLineError(Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp"),
                "--first-treated");
        assertOneLineError(Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--control", "sometimes"), "--control");
        assertOneLineError(Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "lemp",
                "--first-treated", "first.treat", "--event-study", "--window", "3"), "--window");
        assertOneLineError(Cli.run("did", "--data", MPDTA.toString(), "--unit", "countyreal", "--time", "year", "--outcome", "nope",
                "--first-treated", "first.treat"), "column 'nope' not found");
    }
}
