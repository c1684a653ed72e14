package org.ceteris.dag;

import java.util.List;
import java.util.Objects;

/** A conditional independence the diagram implies: {@code x ⊥ y | given}. */
public record Implication(String x, String y, List<String> given) {

    public Implication {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        given = List.copyOf(given);
    }

    /** "x ⊥ y | a, b" (or "x ⊥ y" when nothing is given). */
    public String text() {
        return x + " ⊥ " + y + (given.isEmpty() ? "" : " | " + String.join(", ", given));
    }
}
