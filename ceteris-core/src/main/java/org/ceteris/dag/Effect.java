package org.ceteris.dag;


/** Which effect of the exposure on the outcome: total (all causal paths) or direct (the edge alone). */
public enum Effect {
    TOTAL, DIRECT;

    public static Effect parse(String s) {
        return org.ceteris.Choice.parse(Effect.class, s == null ? "" : s, null, "effect");
    }

    public String label() {
        return org.ceteris.Choice.label(this);
    }
}
