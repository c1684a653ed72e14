package org.ceteris.assign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a validated {@link Condition} with JavaScript's value semantics, as the GrowthBook JS
 * SDK's {@code evalCondition}/{@code evalConditionValue}/{@code evalOperatorCondition} do: a
 * missing attribute is null; {@code $eq}, {@code $in} use strict equality; {@code $lt}… compare
 * two strings by UTF-16 code units and anything else as numbers (null → 0, "" → 0, non-numeric →
 * NaN, which fails); a literal string matches {@code String(value)}. Cost O(size of the condition).
 */
final class ConditionEvaluator {

    private static final Pattern JS_DECIMAL =
            Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private ConditionEvaluator() {
    }

    static boolean evalCondition(Object obj, Map<String, Object> condition) {
        for (Map.Entry<String, Object> e : condition.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "$or":
                    if (!evalOr(obj, (List<?>) v)) {
                        return false;
                    }
                    break;
                case "$nor":
                    if (evalOr(obj, (List<?>) v)) {
                        return false;
                    }
                    break;
                case "$and":
                    for (Object c : (List<?>) v) {
                        if (!evalCondition(obj, Condition.asMap(c))) {
                            return false;
                        }
                    }
                    break;
                case "$not":
                    if (evalCondition(obj, Condition.asMap(v))) {
                        return false;
                    }
                    break;
                default:
                    if (!evalValue(v, getPath(obj, e.getKey()))) {
                        return false;
                    }
            }
        }
        return true;
    }

    private static boolean evalOr(Object obj, List<?> conditions) {
        if (conditions.isEmpty()) {
            return true;
        }
        for (Object c : conditions) {
            if (evalCondition(obj, Condition.asMap(c))) {
                return true;
            }
        }
        return false;
    }

    private static Object getPath(Object obj, String path) {
        Object current = obj;
        for (String part : path.split("\\.", -1)) {
            if (current instanceof Map<?, ?> m && m.containsKey(part)) {
                current = m.get(part);
            } else {
                return null;
            }
        }
        return current instanceof Number n ? (Object) n.doubleValue() : current;
    }

    static boolean isOperatorObject(Map<String, Object> m) {
        if (m.isEmpty()) {
            return false;
        }
        for (String k : m.keySet()) {
            if (!k.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    private static boolean evalValue(Object condition, Object value) {
        if (condition instanceof String s) {
            return jsString(value).equals(s);
        }
        if (condition instanceof Double d) {
            return toNumber(value) == d;
        }
        if (condition instanceof Boolean b) {
            return value != null && truthy(value) == b;
        }
        if (condition == null) {
            return value == null;
        }
        if (condition instanceof List || !isOperatorObject(Condition.asMap(condition))) {
            return json(value).equals(json(condition));
        }
        for (Map.Entry<String, Object> op : Condition.asMap(condition).entrySet()) {
            if (!evalOperator(op.getKey(), value, op.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean evalOperator(String op, Object actual, Object expected) {
        switch (op) {
            case "$eq":
                return strictEquals(actual, expected);
            case "$ne":
                return !strictEquals(actual, expected);
            case "$lt":
                return compare(actual, expected) == -1;
            case "$lte":
                int le = compare(actual, expected);
                return le == -1 || le == 0;
            case "$gt":
                return compare(actual, expected) == 1;
            case "$gte":
                int ge = compare(actual, expected);
                return ge == 1 || ge == 0;
            case "$exists":
                return truthy(expected) ? actual != null : actual == null;
            case "$in":
                return isIn(actual, (List<?>) expected);
            case "$nin":
                return !isIn(actual, (List<?>) expected);
            case "$not":
                return !evalValue(expected, actual);
            case "$regex":
                return Pattern.compile((String) expected).matcher(jsString(actual)).find();
            case "$type":
                return type(actual).equals(expected);
            default:
                return false;
        }
    }

    /** JavaScript's relational comparison: −1, 0, 1, or MIN_VALUE when undefined (NaN involved). */
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        double x = toNumber(a);
        double y = toNumber(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Integer.MIN_VALUE;
        }
        return x == y ? 0 : (x < y ? -1 : 1);
    }

    private static boolean isIn(Object actual, List<?> expected) {
        if (actual instanceof List<?> l) {
            for (Object el : l) {
                if (containsStrict(expected, el)) {
                    return true;
                }
            }
            return false;
        }
        return containsStrict(expected, actual);
    }

    private static boolean containsStrict(List<?> list, Object v) {
        for (Object o : list) {
            if (strictEquals(o, v) || (o instanceof Double d && v instanceof Double e && d.isNaN() && e.isNaN())) {
                return true;
            }
        }
        return false;
    }

    private static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if ((a instanceof String && b instanceof String) || (a instanceof Boolean && b instanceof Boolean)) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** JavaScript's {@code Number(v)} for the scalar types attributes can hold. */
    static double toNumber(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (t.isEmpty()) {
                return 0;
            }
            if (JS_DECIMAL.matcher(t).matches()) {
                return t.endsWith("Infinity") ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(t);
            }
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            try {
                if (lower.startsWith("0x")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                if (lower.startsWith("0o")) {
                    return Long.parseLong(t.substring(2), 8);
                }
                if (lower.startsWith("0b")) {
                    return Long.parseLong(t.substring(2), 2);
                }
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** JavaScript's {@code String(v)}. */
    static String jsString(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return jsNumber(d);
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "").append(l.get(i) == null ? "" : jsString(l.get(i)));
            }
            return sb.toString();
        }
        if (v instanceof Map) {
            return "[object Object]";
        }
        return v.toString();
    }

    static String jsNumber(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        double a = Math.abs(d);
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (a >= 1e-6 && a < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
    }

    private static String type(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "object";
    }

    /** JSON.stringify for literal comparisons of lists and objects. */
    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? jsNumber(d) : "null";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "").append(json(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",").append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }
}
