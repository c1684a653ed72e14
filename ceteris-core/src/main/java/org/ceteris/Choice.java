package org.ceteris;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An enum constant chosen by its lower-case name on the command line or in YAML, with one error that lists the choices. */
public final class Choice {

    private Choice() {
    }

    /**
     * The constant of {@code type} named {@code text} (case and surrounding space ignored), or
     * {@code fallback} when text is null.
     *
     * @param what the flag or key in the error, e.g. {@code --direction}
     * @throws CeterisException when text names no constant: "unknown --direction 'up': use higher or lower"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback, String what) {
        if (text == null) {
            return fallback;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new CeterisException("unknown " + what + " '" + text + "': use " + choices(type));
    }

    /** The constant's name as users write it: lower case. */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "a, b or c". */
    static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(label(e));
        }
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }
}
