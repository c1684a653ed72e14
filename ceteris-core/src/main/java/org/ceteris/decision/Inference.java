package org.ceteris.decision;


/** The engine that reads a comparison: the frequentist scorecard (default) or gbstats-style Bayesian posteriors. */
public enum Inference {
    FREQUENTIST, BAYESIAN;

    public String label() {
        return org.ceteris.Choice.label(this);
    }

    public static Inference parse(String text) {
        return org.ceteris.Choice.parse(Inference.class, text, FREQUENTIST, "inference");
    }
}
