package org.ceteris.labs;

/** The mark of one answer: points in [0, 1] and the feedback to show. */
public record Grade(String question, String kind, double points, String feedback) {

    public boolean full() {
        return points >= 1.0;
    }
}
