package org.ceteris.observational;


/** The estimators of {@code ceteris observe}. */
public enum Method {
    MATCH, IPW, AIPW, REGRESSION;

    public String label() {
        return org.ceteris.Choice.label(this);
    }

    public static Method parse(String s) {
        return org.ceteris.Choice.parse(Method.class, s, MATCH, "--method");
    }
}
