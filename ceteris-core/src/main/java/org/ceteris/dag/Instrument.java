package org.ceteris.dag;

import java.util.List;
import java.util.Objects;

/** An instrumental variable for the exposure, valid when the variables in {@code given} are conditioned on (empty: unconditional). */
public record Instrument(String instrument, List<String> given) {

    public Instrument {
        Objects.requireNonNull(instrument, "instrument");
        given = List.copyOf(given);
    }
}
