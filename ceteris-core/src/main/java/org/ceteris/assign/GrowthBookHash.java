package org.ceteris.assign;

/**
 * The hashing of the GrowthBook SDKs, so that Ceteris and those SDKs put every unit in the same
 * bucket (REFERENCES.md §3; GrowthBook JS SDK {@code util.ts}: {@code hashFnv32a}, {@code hash},
 * {@code inNamespace}). FNV-1a 32-bit runs over UTF-16 code units, as JavaScript's
 * {@code charCodeAt} sees a string, so non-ASCII ids (including surrogate pairs) hash identically.
 * <ul>
 *   <li>v2: fnv1a32(decimal string of fnv1a32(seed + unit)) mod 10000 / 10000 (unbiased);</li>
 *   <li>v1: fnv1a32(unit + seed) mod 1000 / 1000 (the original, used for namespaces).</li>
 * </ul>
 * Cost: O(length of seed + unit) per hash, no allocation.
 */
public final class GrowthBookHash {

    /** FNV-1a 32-bit offset basis. */
    static final int OFFSET = 0x811c9dc5;
    /** FNV 32-bit prime 2^24 + 2^8 + 0x93; JavaScript computes the same product with shifts. */
    static final int PRIME = 16777619;

    private GrowthBookHash() {
    }

    /** FNV-1a 32-bit of a string's UTF-16 code units, as an unsigned value. */
    public static long fnv1a32(String s) {
        return Integer.toUnsignedLong(update(OFFSET, s));
    }

    /** Continues an FNV-1a state over the code units of {@code s}. */
    static int update(int h, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        return h;
    }

    /** Continues an FNV-1a state over the decimal digits of an unsigned 32-bit value. */
    static int updateDecimal(int h, int unsigned) {
        long v = Integer.toUnsignedLong(unsigned);
        if (v == 0) {
            return (h ^ '0') * PRIME;
        }
        long div = 1_000_000_000L;
        while (div > v) {
            div /= 10;
        }
        while (div > 0) {
            int digit = (int) (v / div);
            h ^= '0' + digit;
            h *= PRIME;
            v -= digit * div;
            div /= 10;
        }
        return h;
    }

    /**
     * The bucket of {@code unit} in [0, 1) for hash version 1 or 2, exactly as the SDK's
     * {@code hash(seed, value, version)}.
     */
    public static double hash(String seed, String unit, int version) {
        if (version == 2) {
            int inner = update(update(OFFSET, seed), unit);
            return v2Bucket(inner);
        }
        if (version == 1) {
            return v1Bucket(update(update(OFFSET, unit), seed));
        }
        throw new IllegalArgumentException("hash version must be 1 or 2, got " + version);
    }

    /** v2: the outer hash of the decimal string of the inner one. */
    static double v2Bucket(int inner) {
        int outer = updateDecimal(OFFSET, inner);
        return (Integer.toUnsignedLong(outer) % 10000) / 10000.0;
    }

    static double v1Bucket(int h) {
        return (Integer.toUnsignedLong(h) % 1000) / 1000.0;
    }

    /** Whether {@code unit} falls in [start, end) of a namespace: v1 hash with seed "__" + namespace. */
    public static boolean inNamespace(String unit, String namespace, double start, double end) {
        double n = hash("__" + namespace, unit, 1);
        return n >= start && n < end;
    }
}
