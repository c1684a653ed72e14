package org.ceteris.dag;

import java.util.Locale;

/** The DAGitty node attributes Ceteris reads: {@code [exposure]}, {@code [outcome]}, {@code [latent]}, {@code [adjusted]}. */
public enum Role {
    EXPOSURE, OUTCOME, LATENT, ADJUSTED;

    /** The attribute as written in DAGitty syntax. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
