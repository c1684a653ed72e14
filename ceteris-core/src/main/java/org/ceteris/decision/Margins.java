package org.ceteris.decision;

import org.ceteris.CeterisException;

/** Parses the textual numbers of decision options: {@code -1%}, {@code -0.01}, {@code 2%}. */
public final class Margins {

    private Margins() {
    }

    /** A relative amount: {@code "-1%"} is −0.01, a bare number is taken as a fraction. */
    public static double fraction(String text, String what) {
        String s = text == null ? "" : text.strip();
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1).strip();
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return percent ? v / 100 : v;
        } catch (NumberFormatException e) {
            throw new CeterisException(what + " '" + text + "' is not a number or a percentage such as -1%");
        }
    }
}
