package org.ceteris.scenarios;

/** A scenario whose name and question are fixed when it is made: each scenario says them once, in its constructor. */
public abstract class NamedScenario implements Scenario {

    private final String name;
    private final String question;

    protected NamedScenario(String name, String question) {
        this.name = name;
        this.question = question;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String question() {
        return question;
    }
}
