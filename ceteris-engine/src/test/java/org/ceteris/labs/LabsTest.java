package org.ceteris.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceteris.json.Json;
import org.ceteris.studies.StudyMethods;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each lab's model solution earns full marks, and wrong answers get the right feedback. */
class LabsTest {

    @TempDir
    Path tmp;

    /** Labs whose model solutions use only methods registered in this build. */
    static Stream<String> labs() {
        return Labs.all().stream()
                .filter(lab -> lab.questions().stream().noneMatch(q -> q instanceof Question.Estimate e
                        && !StudyMethods.names().contains(e.solution().method())))
                .map(Lab::name);
    }

    /** The lab written into a fresh folder with its own seed, as {@code ceteris lab start} does. */
    private Path started(Lab lab) {
        Path dir = tmp.resolve(lab.name());
        LabWorkspace.start(lab, dir, lab.seed());
        return dir;
    }

    @ParameterizedTest
    @MethodSource("labs")
    void modelSolutionGetsFullMarks(String name) throws IOException {
        Lab lab = Labs.get(name);
        Path dir = started(lab);
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : lab.questions()) {
            if (q instanceof Question.Sql s) {
                answers.put(q.id(), s.reference());
            } else if (q instanceof Question.Choice c) {
                answers.put(q.id(), c.correct());
            } else if (q instanceof Question.SetAnswer s) {
                answers.put(q.id(), s.correct());
            } else {
                double[] v = LabWorkspace.solve((Question.Estimate) q, dir);
                Map<String, Object> est = new LinkedHashMap<>();
                est.put("estimate", v[0]);
                if (!Double.isNaN(v[1])) {
                    est.put("ci_low", v[1]);
                    est.put("ci_high", v[2]);
                }
                answers.put(q.id(), est);
            }
        }
        Files.writeString(dir.resolve(LabWorkspace.ANSWERS), Json.write(answers));
        List<Grade> grades = LabWorkspace.check(lab, dir, lab.seed());
        for (Grade g : grades) {
            assertTrue(g.full(), () -> name + " " + g.question() + ": " + g.feedback());
        }
        assertEquals(lab.questions().size(), grades.size());
    }

    @ParameterizedTest
    @MethodSource("labs")
    void wrongAnswersGetFeedback(String name) throws IOException {
        Lab lab = Labs.get(name);
        Path dir = started(lab);
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : lab.questions()) {
            if (q instanceof Question.Sql s) {
                answers.put(q.id(), s.reference() + " LIMIT 1");
            } else if (q instanceof Question.Choice c) {
                answers.put(q.id(), c.options().keySet().stream().filter(o -> !o.equals(c.correct())).findFirst().orElseThrow());
            } else if (q instanceof Question.SetAnswer s) {
                answers.put(q.id(), List.of(s.correct().get(0), "not_a_variable"));
            } else {
                answers.put(q.id(), Map.of("estimate", 1e6, "ci_low", 1e6 - 1, "ci_high", 1e6 + 1));
            }
        }
        Files.writeString(dir.resolve(LabWorkspace.ANSWERS), Json.write(answers));
        for (Grade g : LabWorkspace.check(lab, dir, lab.seed())) {
            assertEquals(0.0, g.points(), () -> name + " " + g.question() + " should score 0: " + g.feedback());
            Question q = lab.questions().stream().filter(x -> x.id().equals(g.question())).findFirst().orElseThrow();
            if (q instanceof Question.Choice c) {
                // the feedback written for the option chosen, not that of the right answer
                String chosen = (String) answers.get(q.id());
                assertEquals(c.options().get(chosen), g.feedback(), () -> g.question() + " answered " + chosen);
                assertNotEquals(c.options().get(c.correct()), g.feedback(), g::question);
                assertFalse(g.feedback().isBlank(), g::question);
                continue;
            }
            String expected = q instanceof Question.Sql ? "missing" : q instanceof Question.Estimate ? "the truth is"
                    : "should not include not_a_variable";
            assertTrue(g.feedback().contains(expected), () -> g.question() + ": " + g.feedback());
        }
    }

    /** The answer template as {@code lab start} writes it grades as "not answered yet" everywhere, never as an error. */
    @ParameterizedTest
    @MethodSource("labs")
    void theUntouchedTemplateIsNotAnsweredYet(String name) {
        Lab lab = Labs.get(name);
        Path dir = started(lab);
        List<Grade> grades = LabWorkspace.check(lab, dir, lab.seed());
        assertEquals(lab.questions().size(), grades.size());
        for (Grade g : grades) {
            assertTrue(!g.answered() && g.points() == 0 && g.feedback().equals(Grade.NOT_ANSWERED), () -> name + " " + g);
        }
    }

    /** The billboard lab's q6 answer ("yes", a two-city six-week test sees a +15% lift) holds on the lab's own data. */
    @org.junit.jupiter.api.Test
    void billboardNextTestAnswerHoldsOnTheLabsData() {
        Lab lab = Labs.get("billboard");
        try (org.ceteris.engine.DuckDbEngine db = org.ceteris.engine.DuckDbEngine.inMemory()) {
            org.ceteris.scenarios.Scenarios.get(lab.scenario()).generate(db, lab.seed());
            org.ceteris.studies.Params p = new org.ceteris.studies.Params("lab", Map.of("unit", "city", "time", "week",
                    "outcome", "signups_per_100k", "test_units", 2, "duration", 6));
            org.ceteris.synth.GeoDesignResult r = (org.ceteris.synth.GeoDesignResult) org.ceteris.studies.GeoDesignStudy.run(db,
                    new org.ceteris.engine.Source.Query("SELECT city, week, signups_per_100k FROM city_signups WHERE billboard_wave = 0"),
                    org.ceteris.studies.GeoDesignStudy.spec(p), org.ceteris.synth.Parallel.sequential());
            assertTrue(r.best().mde() != null && r.best().mde() < 0.15 / 2, "MDE far below Lakeview's +15%: " + r.best());
            assertTrue(r.best().falsePositiveRate() <= r.alpha(), "and its false alarms stay at alpha: " + r.best());
        }
    }
}
