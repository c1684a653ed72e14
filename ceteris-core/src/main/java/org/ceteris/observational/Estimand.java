package org.ceteris.observational;


/** Whose average effect: the treated units' (ATT) or everyone's (ATE). */
public enum Estimand {
    ATT, ATE;

    public String label() {
        return org.ceteris.Choice.label(this);
    }

    public static Estimand parse(String s) {
        return org.ceteris.Choice.parse(Estimand.class, s, null, "--estimand");
    }
}
