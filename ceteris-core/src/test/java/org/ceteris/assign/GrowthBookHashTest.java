package org.ceteris.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrowthBookHashTest {

    /** Published FNV-1a 32-bit test vectors (Noll's FNV reference test suite, ASCII input). */
    @Test
    void fnv1aMatchesPublishedVectors() {
        assertEquals(0x811c9dc5L, GrowthBookHash.fnv1a32(""));
        assertEquals(0xe40c292cL, GrowthBookHash.fnv1a32("a"));
        assertEquals(0xbf9cf968L, GrowthBookHash.fnv1a32("foobar"));
    }

    /** The allocation-free v2 path equals the literal SDK formula computed with strings, for random ids (incl. surrogates). */
    @Test
    void v2EqualsTheStringFormula() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String seed = randomString(rnd);
            String unit = randomString(rnd);
            long inner = naiveFnv(seed + unit);
            double expected = (naiveFnv(Long.toString(inner)) % 10000) / 10000.0;
            assertEquals(expected, GrowthBookHash.hash(seed, unit, 2), 0.0);
            assertEquals((naiveFnv(unit + seed) % 1000) / 1000.0, GrowthBookHash.hash(seed, unit, 1), 0.0);
        }
    }

    /** UTF-16 code units, not UTF-8 bytes: "é" hashes its one code unit 0xE9. */
    @Test
    void hashesUtf16CodeUnits() {
        long oneUnit = ((0x811c9dc5L ^ 0xE9) * 16777619L) & 0xffffffffL;
        assertEquals(oneUnit, GrowthBookHash.fnv1a32("é"));
        // not the FNV of its two UTF-8 bytes C3 A9
        long overUtf8 = 0x811c9dc5L;
        for (byte b : "é".getBytes(StandardCharsets.UTF_8)) {
            overUtf8 = ((overUtf8 ^ (b & 0xff)) * 16777619L) & 0xffffffffL;
        }
        assertNotEquals(overUtf8, GrowthBookHash.fnv1a32("é"));
        // a character outside the BMP is two code units (a surrogate pair), as JavaScript's charCodeAt sees it
        long pair = 0x811c9dc5L;
        for (int unit : new int[] {0xD83D, 0xDE00}) {
            pair = ((pair ^ unit) * 16777619L) & 0xffffffffL;
        }
        assertEquals(pair, GrowthBookHash.fnv1a32("\uD83D\uDE00"));
    }

    /** GrowthBook's own examples of getBucketRanges (docs and SDK test cases). */
    @Test
    void bucketRanges() {
        assertRanges(new double[][] {{0, 0.5}, {0.5, 1}}, BucketRanges.of(1, List.of(0.5, 0.5)));
        assertRanges(new double[][] {{0, 0.25}, {0.5, 0.75}}, BucketRanges.of(0.5, List.of(0.5, 0.5)));
        assertRanges(new double[][] {{0, 0.04}, {0.2, 0.26}, {0.5, 0.6}}, BucketRanges.of(0.2, List.of(0.2, 0.3, 0.5)));
        double[][] r = BucketRanges.of(0.8, List.of(0.3, 0.7));
        assertEquals(0, BucketRanges.choose(0.0, r));
        assertEquals(-1, BucketRanges.choose(0.25, r));
        assertEquals(1, BucketRanges.choose(0.3, r));
        assertEquals(-1, BucketRanges.choose(0.99, r));
    }

    @Test
    void bucketsAreInTheUnitInterval() {
        for (int i = 0; i < 10_000; i++) {
            double b = GrowthBookHash.hash("s", "u" + i, 2);
            assertTrue(b >= 0 && b < 1);
            assertEquals(b, Math.rint(b * 10000) / 10000, 0.0);
        }
    }

    private static void assertRanges(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-12);
        }
    }

    private static long naiveFnv(String s) {
        long h = 0x811c9dc5L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h = (h * 16777619L) & 0xffffffffL;
        }
        return h;
    }

    private static String randomString(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(4);
            if (kind == 0) {
                sb.appendCodePoint(0x1F300 + rnd.nextInt(500)); // surrogate pair
            } else if (kind == 1) {
                sb.append((char) (0x4E00 + rnd.nextInt(2000)));
            } else {
                sb.append((char) ('0' + rnd.nextInt(75)));
            }
        }
        return sb.toString();
    }
}
