package org.ceteris.labs;

/**
 * The mark of one answer: points in [0, 1] and the feedback to show. A question the learner has not
 * answered yet is a grade too ({@link #notAnswered}), so that a half-finished lab can be checked.
 */
public record Grade(String question, String kind, double points, String feedback, boolean answered) {

    /** The feedback of a question left blank. */
    public static final String NOT_ANSWERED = "not answered yet";

    public Grade(String question, String kind, double points, String feedback) {
        this(question, kind, points, feedback, true);
    }

    static Grade notAnswered(String question, String kind) {
        return new Grade(question, kind, 0, NOT_ANSWERED, false);
    }

    public boolean full() {
        return points >= 1.0;
    }
}
