package org.ceteris.sequential;


/** Which way is better for the metric: higher (watch minutes) or lower (churn, load time). */
public enum Direction {
    HIGHER, LOWER;

    /** +1 for HIGHER, −1 for LOWER: the sign of an improvement. */
    public int sign() {
        return this == HIGHER ? 1 : -1;
    }

    public String label() {
        return org.ceteris.Choice.label(this);
    }

    public static Direction parse(String text) {
        return org.ceteris.Choice.parse(Direction.class, text, HIGHER, "--direction");
    }
}
