package org.ceteris.studies;

import java.util.Set;

/** A study method whose name and parameter names are fixed when it is made: each method says them once, in its constructor. */
public abstract class NamedStudyMethod implements StudyMethod {

    private final String name;
    private final Set<String> parameters;

    protected NamedStudyMethod(String name, Set<String> parameters) {
        this.name = name;
        this.parameters = Set.copyOf(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> parameters() {
        return parameters;
    }
}
