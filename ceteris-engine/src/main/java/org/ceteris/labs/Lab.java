package org.ceteris.labs;

import java.util.List;

/**
 * A practice lab: a classic case of this field on a built-in scenario with known ground truth.
 *
 * @param scenario the scenario whose data the lab uses
 * @param seed     the default seed of the lab's data
 * @param brief    the situation as a stakeholder would describe it (Markdown)
 */
public record Lab(String name, String title, String scenario, long seed, String brief, List<Question> questions) {

    public Lab {
        questions = List.copyOf(questions);
    }
}
