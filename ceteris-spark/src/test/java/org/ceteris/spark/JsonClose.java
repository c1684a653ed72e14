package org.ceteris.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ceteris.stats.Distributions;

/** Two JSON documents are equal in structure and text, and their numbers agree to a relative tolerance. */
final class JsonClose {

    private JsonClose() {
    }

    static void assertClose(JsonNode expected, JsonNode actual, double relative) {
        compare(expected, actual, relative, "$", false);
    }

    /**
     * Like {@link #assertClose}, with p-values ({@code p_*} fields) compared as the normal
     * quantiles they stand for: a p-value of 1e-5 moves z² ≈ 18 times as much as its z-score in
     * relative terms, and at 1e-100 about 460 times, so rounding in the last bits of a
     * statistic shows up in a p-value's relative difference amplified by z².
     */
    static void assertCloseZ(JsonNode expected, JsonNode actual, double relative) {
        compare(expected, actual, relative, "$", true);
    }

    private static void compare(JsonNode e, JsonNode a, double rel, String path, boolean pAsZ) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            if (pAsZ && path.matches(".*\\.p_[a-z_]+$") && x > 0 && y > 0) {
                x = Distributions.normalQuantile(Math.min(x, 1.0) / 2);
                y = Distributions.normalQuantile(Math.min(y, 1.0) / 2);
            }
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
                compare(e.get(f), a.get(f), rel, path + "." + f, pAsZ);
            }
        } else if (e.isArray()) {
            assertEquals(e.size(), a.size(), path + " length");
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), rel, path + "[" + i + "]", pAsZ);
            }
        } else {
            assertEquals(e, a, path);
        }
    }
}
