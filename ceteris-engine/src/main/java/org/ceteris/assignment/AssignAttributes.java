package org.ceteris.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ceteris.CeterisException;

/**
 * The attributes and QA overrides of one unit as {@code ceteris assign --unit} and
 * {@code GET /api/assign} take them: {@code KEY=VALUE} texts, where {@code true}/{@code false}
 * become booleans and numbers become doubles (so targeting conditions compare them as such).
 */
public final class AssignAttributes {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private AssignAttributes() {
    }

    /** {@code KEY=VALUE} pairs → typed attributes; {@code flag} names the option in errors (e.g. "--attr"). */
    public static Map<String, Object> parse(List<String> pairs, String flag) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CeterisException(flag + " '" + p + "' must look like KEY=VALUE");
            }
            String v = p.substring(eq + 1);
            Object value = v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE
                    : NUMBER.matcher(v).matches() ? (Object) Double.parseDouble(v) : v;
            out.put(p.substring(0, eq), value);
        }
        return out;
    }

    /** {@code EXPERIMENT=VARIATION} pairs → QA overrides; {@code flag} names the option in errors. */
    public static Map<String, String> forced(List<String> pairs, String flag) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new CeterisException(flag + " '" + p + "' must look like EXPERIMENT=VARIATION");
            }
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
