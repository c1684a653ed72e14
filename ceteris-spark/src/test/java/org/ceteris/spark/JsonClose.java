package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Two JSON documents are equal in structure and text, and their numbers agree to a relative tolerance. */
final class JsonClose {

    private JsonClose() {
    }

    static void assertClose(JsonNode expected, JsonNode actual, double relative) {
        compare(expected, actual, relative, 0.0, "$");
    }

    /**
     * Like {@link #assertClose(JsonNode, JsonNode, double)}, and numbers whose difference is below
     * {@code absolute} also pass: an interval bound near zero (estimate − 1.96·se with the two
     * nearly equal) is a difference of two numbers that each agree to about 1e-15, and its
     * relative difference is that error divided by a number close to zero.
     */
    static void assertClose(JsonNode expected, JsonNode actual, double relative, double absolute) {
        compare(expected, actual, relative, absolute, "$");
    }

    private static void compare(JsonNode e, JsonNode a, double rel, double abs, String path) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            double scale = Math.max(Math.abs(x), Math.abs(y));
            if (!(x == y || Math.abs(x - y) <= rel * scale || Math.abs(x - y) < abs)) {
                fail(path + ": " + x + " vs " + y + " (relative difference " + Math.abs(x - y) / scale + " > " + rel + ")");
            }
            return;
        }
        assertEquals(e.getNodeType(), a.getNodeType(), path + " type");
        if (e.isObject()) {
            List<String> en = new ArrayList<>();
            List<String> an = new ArrayList<>();
            e.fieldNames().forEachRemaining(en::add);
            a.fieldNames().forEachRemaining(an::add);
            assertEquals(en, an, path + " fields");
            for (String f : en) {
                compare(e.get(f), a.get(f), rel, abs, path + "." + f);
            }
        } else if (e.isArray()) {
            assertEquals(e.size(), a.size(), path + " length");
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), rel, abs, path + "[" + i + "]");
            }
        } else {
            assertEquals(e, a, path);
        }
    }
}
