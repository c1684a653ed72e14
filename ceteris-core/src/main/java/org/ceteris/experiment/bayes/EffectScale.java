package org.ceteris.experiment.bayes;

import java.util.Locale;

/** Whether an effect is told as a relative lift (treatment − control)/|control| or as an absolute difference. */
public enum EffectScale {
    RELATIVE, ABSOLUTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EffectScale parse(String text, String flag) {
        return org.ceteris.Choice.parse(EffectScale.class, text, RELATIVE, flag);
    }
}
