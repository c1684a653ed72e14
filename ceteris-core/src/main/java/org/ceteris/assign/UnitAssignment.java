package org.ceteris.assign;

import java.util.List;

/** A unit and its assignment in every experiment of a config, in config order. */
public record UnitAssignment(String unit, List<Assignment> assignments) {

    public UnitAssignment {
        assignments = List.copyOf(assignments);
    }
}
