package org.ceteris.cli;

import static org.ceteris.cli.CliErrorsTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.json.Json;
import org.junit.jupiter.api.Test;

/** {@code ceteris geo-design} on Proposition 99's untreated years: the JSON contract, what must not matter, bad input. */
class GeoDesignCommandTest {

    /** Two test units for three years unless {@code extra} says otherwise. */
    static String[] args(String sql, String... extra) {
        List<String> a = new ArrayList<>(List.of("geo-design", "--data", SynthCommandTest.PROP99.toString(), "--sql", sql,
                "--unit", "state", "--time", "year", "--outcome", "cigsale"));
        a.addAll(List.of(extra));
        if (!a.contains("--test-units")) {
            a.addAll(List.of("--test-units", "2"));
        }
        if (!a.contains("--duration")) {
            a.addAll(List.of("--duration", "3"));
        }
        return a.toArray(new String[0]);
    }

    static final String BEFORE = "SELECT state, year, cigsale FROM data WHERE year <= 1988";

    @Test
    void jsonContract() {
        JsonNode j = Json.read(Cli.run(args(BEFORE, "--candidates", "Utah,Nevada,Montana,Colorado", "--effects", "5%,0.2", "--json")).ok().out());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("method", "outcome", "test_units", "duration", "alpha", "backtests", "first_start", "last_start", "search",
                "sets_evaluated", "best", "ranking", "power_curve", "diagnostics", "summary"), fields);
        assertEquals("geo_design", j.get("method").asText());
        assertEquals("all", j.get("search").asText());
        assertEquals(6, j.get("sets_evaluated").asInt(), "every pair of four candidates");
        assertEquals(9, j.get("backtests").asInt(), "starts 1978..1986 with 3 periods each inside 1970..1988");
        assertEquals(1978, j.get("first_start").asInt());
        JsonNode best = j.get("best");
        assertEquals(j.get("ranking").get(0), best);
        assertEquals(List.of(0.05, 0.2), List.of(best.get("power").get(0).get("effect").asDouble(), best.get("power").get(1).get("effect").asDouble()));
        assertTrue(best.has("false_positive_rate") && best.has("mde") && best.has("weights"), best.toString());
        assertEquals(best.get("false_positive_rate").asDouble(), j.get("power_curve").get(0).get("power").asDouble());
        assertTrue(j.get("diagnostics").toString().contains("GEO_FEW_BACKTESTS"), "9 windows are few");
        assertTrue(j.get("summary").asText().startsWith("Testing "), j.get("summary").asText());
    }

    /** Row order, candidate order and thread count do not change the JSON. */
    @Test
    void orderOfRowsAndCandidatesDoesNotMatter() {
        String a = Cli.run(args(BEFORE, "--candidates", "Utah,Nevada,Montana,Colorado", "--json")).ok().out();
        String b = Cli.run(args(BEFORE + " ORDER BY year DESC, state DESC", "--candidates", "Colorado,Montana,Nevada,Utah", "--json")).ok().out();
        assertEquals(a, b);
    }

    @Test
    void textNamesTheSetsAndTheirFalseAlarms() {
        String out = Cli.run(args(BEFORE, "--candidates", "Utah,Nevada,Montana")).ok().out();
        assertTrue(out.contains("false alarms") && out.contains("MDE (80%)") && out.contains("Synthetic control of "), out);
    }

    @Test
    void badInputIsOneLine() {
        assertOneLineError(Cli.run(args(BEFORE, "--candidates", "Utah,Atlantis")), "no unit named Atlantis");
        assertOneLineError(Cli.run(args(BEFORE, "--candidates", "Utah")), "more than the 1 candidate");
        assertOneLineError(Cli.run(args(BEFORE, "--effects", "lots")), "--effects: 'lots' is not a number");
        assertOneLineError(Cli.run(args(BEFORE, "--duration", "19")), "not shorter than the history");
        assertOneLineError(Cli.run(args(BEFORE, "--duration", "15")), "fewer than 8 periods");
        assertOneLineError(Cli.run(args(BEFORE, "--test-units", "35")), "donor units");
        assertOneLineError(Cli.run(args("SELECT state, year, cigsale AS sales FROM data WHERE year <= 1988")), "cigsale");
        assertOneLineError(Cli.run("geo-design", "--data", SynthCommandTest.PROP99.toString(), "--unit", "state", "--time", "year",
                "--outcome", "cigsale", "--duration", "3"), "--test-units");
    }
}
