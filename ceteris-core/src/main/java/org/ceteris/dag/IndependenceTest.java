package org.ceteris.dag;

import java.util.Locale;
import org.ceteris.CeterisException;

/** How a conditional independence is tested against data. */
public enum IndependenceTest {
    /** Partial correlation with Fisher's z (numeric variables). */
    FISHER_Z,
    /** Pearson's chi-squared summed over the strata of the conditioning variables (discrete variables). */
    CHI_SQUARED,
    /** The likelihood-ratio (G) statistic summed over strata (discrete variables). */
    G_TEST;

    /** "auto" → null (decided from the columns), else fisher_z, chi_squared / chisq, g / g_test. */
    public static IndependenceTest parse(String s) {
        switch (s == null ? "auto" : s.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "auto":
                return null;
            case "fisher_z":
            case "numeric":
                return FISHER_Z;
            case "chi_squared":
            case "chisq":
            case "discrete":
                return CHI_SQUARED;
            case "g":
            case "g_test":
                return G_TEST;
            default:
                throw new CeterisException("unknown test '" + s + "': use auto, fisher_z, chisq or g");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean discrete() {
        return this != FISHER_Z;
    }
}
