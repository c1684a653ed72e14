package org.ceteris.assign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceteris.CeterisException;

/**
 * Attribute targeting: a MongoDB-style condition as GrowthBook writes it, for example
 * {@code {country: {$in: [US, CA]}, age: {$gte: 18}}}. Supported are the simple cases of the
 * GrowthBook SDKs' {@code evalCondition} (JS SDK {@code mongrule.ts}): {@code $and}, {@code $or},
 * {@code $nor}, {@code $not} at the top; per attribute a literal (string, number, boolean, null)
 * or the operators {@code $eq $ne $lt $lte $gt $gte $exists $in $nin $not $regex $type}. Values
 * follow JavaScript's rules (strict equality, numeric coercion in comparisons), as evaluated by
 * {@link ConditionEvaluator}. Anything else is rejected when the condition is built, so a typo
 * in a config never silently excludes everyone.
 *
 * @param tree the condition with every number as a {@link Double}, maps and lists unmodifiable
 */
public record Condition(Map<String, Object> tree) {

    static final Set<String> OPERATORS = Set.of("$eq", "$ne", "$lt", "$lte", "$gt", "$gte", "$exists", "$in",
            "$nin", "$not", "$regex", "$type");

    public Condition {
        tree = normaliseMap(tree, "condition");
        validateCondition(tree, "condition");
    }

    /** Whether a unit with these attributes passes; attributes hold String, Number, Boolean or null. */
    public boolean test(Map<String, ?> attributes) {
        return ConditionEvaluator.evalCondition(attributes, tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normaliseMap(Map<?, ?> m, String where) {
        if (m == null) {
            throw new CeterisException(where + " is empty");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), normalise(e.getValue(), where));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object normalise(Object v, String where) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return normaliseMap(m, where);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(normalise(o, where));
            }
            return Collections.unmodifiableList(out);
        }
        return v.toString();
    }

    private static void validateCondition(Map<String, Object> cond, String where) {
        for (Map.Entry<String, Object> e : cond.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (k.equals("$or") || k.equals("$nor") || k.equals("$and")) {
                if (!(v instanceof List<?> list)) {
                    throw new CeterisException(where + ": " + k + " needs a list of conditions");
                }
                for (Object o : list) {
                    if (!(o instanceof Map)) {
                        throw new CeterisException(where + ": every entry of " + k + " must be a condition mapping");
                    }
                    validateCondition(asMap(o), where);
                }
            } else if (k.equals("$not")) {
                if (!(v instanceof Map)) {
                    throw new CeterisException(where + ": $not needs a condition mapping");
                }
                validateCondition(asMap(v), where);
            } else if (k.startsWith("$")) {
                throw new CeterisException(where + ": unsupported operator '" + k + "' at the top level; use $and, $or, $nor or $not");
            } else {
                validateValue(v, where + " on '" + k + "'");
            }
        }
    }

    private static void validateValue(Object v, String where) {
        if (!(v instanceof Map) || !ConditionEvaluator.isOperatorObject(asMap(v))) {
            return; // a literal: compared as GrowthBook does
        }
        for (Map.Entry<String, Object> op : asMap(v).entrySet()) {
            String name = op.getKey();
            if (!OPERATORS.contains(name)) {
                throw new CeterisException(where + ": unsupported operator '" + name + "'; supported: "
                        + String.join(", ", OPERATORS.stream().sorted().toList()));
            }
            Object x = op.getValue();
            if ((name.equals("$in") || name.equals("$nin")) && !(x instanceof List)) {
                throw new CeterisException(where + ": " + name + " needs a list of values");
            }
            if (name.equals("$not")) {
                validateValue(x, where);
            }
            if ((name.equals("$regex") || name.equals("$type")) && !(x instanceof String)) {
                throw new CeterisException(where + ": " + name + " needs a string");
            }
            if (name.equals("$regex")) {
                try {
                    java.util.regex.Pattern.compile((String) x);
                } catch (java.util.regex.PatternSyntaxException ex) {
                    throw new CeterisException(where + ": invalid $regex '" + x + "'");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
