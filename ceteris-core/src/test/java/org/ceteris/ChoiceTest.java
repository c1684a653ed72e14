package org.ceteris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ceteris.sequential.Direction;
import org.junit.jupiter.api.Test;

class ChoiceTest {

    @Test
    void namesAreReadWhateverTheirCaseAndSpaces() {
        assertEquals(Direction.LOWER, Choice.parse(Direction.class, " Lower ", Direction.HIGHER, "--direction"));
        assertEquals(Direction.HIGHER, Choice.parse(Direction.class, null, Direction.HIGHER, "--direction"));
        assertNull(Choice.parse(Direction.class, null, null, "--direction"));
        assertEquals("lower", Choice.label(Direction.LOWER));
    }

    @Test
    void anUnknownNameListsTheChoicesInOneLine() {
        CeterisException e = assertThrows(CeterisException.class, () -> Choice.parse(Direction.class, "up", null, "--direction"));
        assertEquals("unknown --direction 'up': use higher or lower", e.getMessage());
        assertEquals("frequentist or bayesian", Choice.choices(org.ceteris.decision.Inference.class));
        assertEquals("match, ipw, aipw or regression", Choice.choices(org.ceteris.observational.Method.class));
    }
}
