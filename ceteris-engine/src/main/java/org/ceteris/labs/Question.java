package org.ceteris.labs;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;

/** A lab question. Each kind is graded differently by {@link LabGrader}. */
public sealed interface Question {

    /** The key of the answer in answers.yaml, e.g. {@code q1_sql}. */
    String id();

    /** The question as the brief prints it. */
    String prompt();

    /** Answered with a SELECT query; graded by comparing its result set with the reference query's, order-insensitive. */
    record Sql(String id, String prompt, String reference) implements Question {
    }

    /**
     * Answered with {@code {estimate: x, ci_low: a, ci_high: b}}; graded against the scenario's ground truth.
     *
     * @param truthKey  the key of the true value in the scenario's ground truth
     * @param tolerance how far from the truth an estimate may be and still count
     * @param solution  how the model solution computes it with a Ceteris study
     */
    record Estimate(String id, String prompt, String truthKey, double tolerance, Solution solution) implements Question {
    }

    /**
     * Answered with one of {@code options}; each option carries the feedback shown when it is chosen.
     */
    record Choice(String id, String prompt, String correct, Map<String, String> options) implements Question {
    }

    /** Answered with a list; graded as a set against {@code correct}. */
    record SetAnswer(String id, String prompt, List<String> correct, String explanation) implements Question {
    }

    /**
     * A model solution: run a study and read the estimate (and interval, if any) from its JSON.
     *
     * @param command the equivalent CLI command, shown to the learner
     * @param read    estimate, ci_low, ci_high from the result's JSON (ci values may be NaN)
     */
    record Solution(String method, String table, Map<String, Object> params, String command,
                    Function<JsonNode, double[]> read) {
    }
}
