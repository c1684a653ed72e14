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
        compare(expected, actual, relative, "$");
    }

    private static void compare(JsonNode e, JsonNode a, double rel, String path) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            double scale = Math.max(Math.abs(x), Math.abs(y));
            if (!(x == y || Math.abs(x - y) <= rel * scale)) {
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
                compare(e.get(f), a.get(f), rel, path + "." + f);
            }
        } else if (e.isArray()) {
            assertEquals(e.size(), a.size(), path + " length");
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), rel, path + "[" + i + "]");
            }
        } else {
            assertEquals(e, a, path);
        }
    }
}
