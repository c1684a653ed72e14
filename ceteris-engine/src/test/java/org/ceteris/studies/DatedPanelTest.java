package org.ceteris.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ceteris.CeterisException;
import org.ceteris.did.DidResult;
import org.ceteris.engine.DuckDbEngine;
import org.ceteris.engine.Source;
import org.ceteris.json.Json;
import org.ceteris.synth.Parallel;
import org.ceteris.synth.SynthResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates as the time column of synth and did: the same panel with period numbers 1..T and with dates
 * (a random origin; weekly, daily or irregular spacing; DATE or TIMESTAMP) gives the same estimates,
 * because the periods of a dated panel are its distinct dates in order. Times come out as ISO dates.
 */
class DatedPanelTest {

    private static final int T = 16;
    private static final int TREATED_FROM = 12;

    /** Seeded cases: origin and spacing of the dates, and whether the column is a TIMESTAMP. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String[] spacings = {"weekly", "daily", "irregular"};
        for (int seed = 1; seed <= 6; seed++) {
            out.add(Arguments.of(seed, spacings[seed % 3], seed % 2 == 0));
        }
        return out.stream();
    }

    /** The dates of periods 1..T: a random origin between 1990 and 2040, then weekly, daily or random gaps of 1 to 40 days. */
    static List<LocalDate> dates(int seed, String spacing) {
        Random r = new Random(seed);
        LocalDate d = LocalDate.of(1990, 1, 1).plusDays(r.nextInt(50 * 365));
        List<LocalDate> out = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            out.add(d);
            d = d.plusDays(switch (spacing) {
                case "weekly" -> 7;
                case "daily" -> 1;
                default -> 1 + r.nextInt(40);
            });
        }
        return out;
    }

    /** A synth panel (10 cities) with period numbers in `week`, and the same with dates in `week` (table names numbered, dated). */
    private static void tables(DuckDbEngine engine, List<LocalDate> dates, boolean timestamp, int seed) {
        StringBuilder map = new StringBuilder("CREATE TABLE period_dates AS SELECT * FROM (VALUES ");
        for (int t = 0; t < dates.size(); t++) {
            map.append(t == 0 ? "" : ", ").append("(").append(t + 1).append(", DATE '").append(dates.get(t)).append("')");
        }
        engine.execute(map.append(") v(t, d)").toString());
        engine.execute("CREATE TABLE numbered AS SELECT 'U' || lpad(u::VARCHAR, 2, '0') AS city, t AS week,"
                + " 100 + 10 * u + 3 * sin(t * u + " + seed + ") + CASE WHEN u = 5 AND t >= " + TREATED_FROM + " THEN -8 ELSE 0 END AS signups,"
                + " 5 * u + 0.1 * t + cos(u * t) AS income, CASE WHEN u % 3 = 0 THEN 0 ELSE 7 + u % 3 * 2 END AS first,"
                + " 2 * u + 0.25 * t + sin(u + t * " + seed + ") + CASE WHEN u % 3 <> 0 AND t >= 7 + u % 3 * 2 THEN 1.5 ELSE 0 END AS y"
                + " FROM range(1, 11) a(u), range(1, " + (T + 1) + ") b(t)");
        String cast = timestamp ? "CAST(%s AS TIMESTAMP)" : "%s";
        // same row order as `numbered`: predictor means summed in another order differ in the last bits, and the V
        // search can amplify that to ~1e-6 in the effect; here the estimates must be equal because only the time differs
        engine.execute("CREATE TABLE dated AS SELECT n.city, " + cast.formatted("p.d") + " AS week, n.signups, n.income, "
                + cast.formatted("f.d") + " AS first, n.y FROM numbered n JOIN period_dates p ON p.t = n.week "
                + "LEFT JOIN period_dates f ON f.t = n.first");
    }

    private static Params synthParams(String treatmentTime, String predictor, String special, String window) {
        Map<String, Object> m = new HashMap<>(Map.of("unit", "city", "time", "week", "outcome", "signups", "treated", "U05",
                "treatment_time", treatmentTime, "placebos", true, "conformal", true));
        if (predictor != null) {
            m.put("predictor", List.of(predictor, "income"));
            m.put("special", special);
            m.put("fit_window", window);
        }
        return new Params("study 'billboard'", m);
    }

    @ParameterizedTest(name = "seed {0}, {1}, timestamp {2}")
    @MethodSource("cases")
    void synthGivesTheSameFitWithNumbersAndDates(int seed, String spacing, boolean timestamp) {
        List<LocalDate> d = dates(seed, spacing);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            tables(engine, d, timestamp, seed);
            for (boolean withPredictors : new boolean[] {false, true}) {
                SynthResult n = synth(engine, "numbered", withPredictors
                        ? synthParams("12", "income:2-9", "signups@8", "3..11") : synthParams("12", null, null, null));
                SynthResult x = synth(engine, "dated", withPredictors
                        ? synthParams(d.get(11).toString(), "income:" + d.get(1) + ".." + d.get(8), "signups@" + d.get(7),
                                d.get(2) + ".." + d.get(10))
                        : synthParams(d.get(11).toString(), null, null, null));
                assertEquals(n.att(), x.att(), 1e-9);
                assertEquals(n.fitLoss(), x.fitLoss(), 1e-9);
                assertEquals(n.pValue(), x.pValue());
                assertEquals(n.weights().keySet(), x.weights().keySet());
                n.weights().forEach((k, w) -> assertEquals(w, x.weights().get(k), 1e-9, k));
                assertEquals(List.copyOf(n.predictorWeights().values()), List.copyOf(x.predictorWeights().values()));
                assertEquals(d.get(11).toString(), x.treatmentTime());
                assertEquals(n.gaps().size(), x.gaps().size());
                for (int t = 0; t < T; t++) {
                    assertEquals(d.get(t).toString(), x.gaps().get(t).time(), "gap times are ISO dates");
                    assertEquals(n.gaps().get(t).gap(), x.gaps().get(t).gap(), 1e-9);
                }
                for (int t = 0; t < n.intervals().size(); t++) {
                    assertEquals(d.get(TREATED_FROM - 1 + t).toString(), x.intervals().get(t).time());
                    assertEquals(n.intervals().get(t).low(), x.intervals().get(t).low(), 1e-9);
                }
                assertEquals(d.get(((Number) n.inTimePlacebo().time()).intValue() - 1).toString(), x.inTimePlacebo().time());
                assertEquals(n.inTimePlacebo().att(), x.inTimePlacebo().att(), 1e-9);
                if (withPredictors) {
                    assertEquals(List.of("income:" + d.get(1) + ".." + d.get(8), "income", "signups@" + d.get(7)),
                            List.copyOf(x.predictorWeights().keySet()));
                }
                String json = Json.write(x);
                assertEquals(Json.read(json).get("gaps").get(0).get("time").asText(), d.get(0).toString(), json);
            }
        }
    }

    private static SynthResult synth(DuckDbEngine engine, String table, Params p) {
        return (SynthResult) SynthStudy.run(engine, new Source.Table(table), SynthStudy.spec(p), Parallel.sequential());
    }

    @ParameterizedTest(name = "seed {0}, {1}, timestamp {2}")
    @MethodSource("cases")
    void didGivesTheSameEstimatesWithNumbersAndDates(int seed, String spacing, boolean timestamp) {
        List<LocalDate> d = dates(seed, spacing);
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            tables(engine, d, timestamp, seed);
            for (boolean eventStudy : new boolean[] {false, true}) {
                Map<String, Object> m = Map.of("unit", "city", "time", "week", "outcome", "y", "first_treated", "first",
                        "event_study", eventStudy, "control", "not-yet");
                DidResult n = DidStudy.run(engine, new Source.Table("numbered"), DidStudy.spec(new Params("study 'x'", m)));
                DidResult x = DidStudy.run(engine, new Source.Table("dated"), DidStudy.spec(new Params("study 'x'", m)));
                assertEquals(n.estimate(), x.estimate(), 1e-9);
                assertEquals(n.se(), x.se(), 1e-9);
                assertEquals(n.nPeriods(), x.nPeriods());
                if (eventStudy) {
                    assertEquals(n.eventStudy(), x.eventStudy(), "event times count periods, so the coefficients are the same");
                    continue;
                }
                assertEquals(n.attGt().size(), x.attGt().size());
                for (int i = 0; i < n.attGt().size(); i++) {
                    DidResult.AttGt a = n.attGt().get(i);
                    DidResult.AttGt b = x.attGt().get(i);
                    assertEquals(d.get(((Number) a.group()).intValue() - 1).toString(), b.group());
                    assertEquals(d.get(((Number) a.time()).intValue() - 1).toString(), b.time());
                    assertEquals(a.att(), b.att(), 1e-9);
                }
                assertEquals(n.aggregations().dynamic(), x.aggregations().dynamic());
                for (int i = 0; i < n.aggregations().calendar().size(); i++) {
                    assertEquals(d.get(((Number) n.aggregations().calendar().get(i).time()).intValue() - 1).toString(),
                            x.aggregations().calendar().get(i).time());
                }
                assertNotNull(x.aggregations().group().get(0).group());
                assertEquals(String.class, x.aggregations().group().get(0).group().getClass());
            }
        }
    }

    private static String error(Runnable r) {
        return assertThrows(CeterisException.class, r::run).getMessage();
    }

    @Test
    void badDatesAreOneLineThatSaysWhatToFix() {
        List<LocalDate> d = dates(1, "weekly");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            tables(engine, d, false, 1);
            assertEquals("--treatment-time '2026-13-01' is not a date; use YYYY-MM-DD",
                    error(() -> synth(engine, "dated", synthParams("2026-13-01", null, null, null))));
            assertEquals("--treatment-time 12 is a period number but time column 'week' holds dates; give a date (YYYY-MM-DD)",
                    error(() -> synth(engine, "dated", synthParams("12", null, null, null))));
            assertEquals("--treatment-time " + d.get(11) + " is a date (YYYY-MM-DD) but time column 'week' holds period numbers; "
                    + "give a period number", error(() -> synth(engine, "numbered", synthParams(d.get(11).toString(), null, null, null))));
            assertEquals("--treatment-time " + d.get(11).plusDays(1) + " is not among the dates of 'week' (the nearest later one is "
                    + d.get(12) + "); give the first treated date of the panel",
                    error(() -> synth(engine, "dated", synthParams(d.get(11).plusDays(1).toString(), null, null, null))));
            assertEquals("--fit-window '3..11' gives a period number but the treatment time is a date (YYYY-MM-DD); write every time "
                    + "the same way", error(() -> synth(engine, "dated", synthParams(d.get(11).toString(), "income", "signups@"
                            + d.get(7), "3..11"))));
            assertEquals("predictor 'signups@8' gives a period number but the treatment time is a date (YYYY-MM-DD); write every "
                    + "time the same way", error(() -> synth(engine, "dated", synthParams(d.get(11).toString(), "income",
                            "signups@8", null))));
            assertEquals("predictor 'income:2-" + d.get(3) + "': one end of the window is a date and the other is not; give both as a "
                    + "date (YYYY-MM-DD) or both as period numbers", error(() -> synth(engine, "dated", synthParams(d.get(11).toString(),
                            "income:2.." + d.get(3), "signups@" + d.get(7), null))).replace("2.." + d.get(3), "2-" + d.get(3)));
            assertEquals("--fit-window '2026-01-05-2026-03-02': write the window as FROM..TO, e.g. 2026-01-05..2026-02-23",
                    error(() -> SynthStudy.window("2026-01-05-2026-03-02", "--fit-window", org.ceteris.TimeScale.DATE)));

            engine.execute("CREATE TABLE hourly AS SELECT city, CAST(week AS TIMESTAMP) + INTERVAL 3 HOUR AS week, signups FROM dated");
            String hourly = error(() -> synth(engine, "hourly", synthParams(d.get(11).toString(), null, null, null)));
            assertEquals("time column 'week' has a time of day (", hourly.substring(0, hourly.indexOf('(') + 1));
            assertEquals("); periods are whole days or longer: use CAST(week AS DATE) in --sql", hourly.substring(hourly.indexOf(')')));

            Map<String, Object> did = Map.of("unit", "city", "time", "week", "outcome", "y", "first_treated", "first");
            engine.execute("CREATE TABLE mixed AS SELECT d.city, d.week, d.y, n.first FROM dated d JOIN numbered n USING (city, signups)");
            assertEquals("first-treated column 'first' holds period numbers but time column 'week' holds dates; give both as dates "
                    + "(empty for never treated) or both as period numbers (0 or empty for never)",
                    error(() -> DidStudy.run(engine, new Source.Table("mixed"), DidStudy.spec(new Params("study 'x'", did)))));
            engine.execute("CREATE TABLE offdate AS SELECT city, week, y, CASE WHEN city = 'U01' THEN first + 1 ELSE first END AS first FROM dated");
            assertEquals("unit 'U01' is first treated on " + d.get(8).plusDays(1) + ", which is not one of the dates in 'week'; "
                    + "give the first date of the panel on which it is treated",
                    error(() -> DidStudy.run(engine, new Source.Table("offdate"), DidStudy.spec(new Params("study 'x'", did)))));
        }
    }
}
