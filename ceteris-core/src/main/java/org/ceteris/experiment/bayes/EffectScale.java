package org.ceteris.experiment.bayes;

import java.util.Locale;
import org.ceteris.CeterisException;

/** Whether an effect is told as a relative lift (treatment − control)/|control| or as an absolute difference. */
public enum EffectScale {
    RELATIVE, ABSOLUTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EffectScale parse(String text, String flag) {
        String s = text == null ? "relative" : text.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "relative" -> RELATIVE;
            case "absolute" -> ABSOLUTE;
            default -> throw new CeterisException("unknown " + flag + " '" + text + "': use relative or absolute");
        };
    }
}
