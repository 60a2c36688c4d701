package dev.vigil.kql.functions;

/** xxHash64 (the published XXH64 algorithm) of a byte array, with seed 0 as Kusto uses it. */
final class XxHash64 {
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long hash(byte[] input, long seed) {
        int length = input.length;
        int at = 0;
        long hash;
        if (length >= 32) {
            long v1 = seed + PRIME1 + PRIME2;
            long v2 = seed + PRIME2;
            long v3 = seed;
            long v4 = seed - PRIME1;
            for (int limit = length - 32; at <= limit; at += 32) {
                v1 = round(v1, lane(input, at));
                v2 = round(v2, lane(input, at + 8));
                v3 = round(v3, lane(input, at + 16));
                v4 = round(v4, lane(input, at + 24));
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = merge(hash, v1);
            hash = merge(hash, v2);
            hash = merge(hash, v3);
            hash = merge(hash, v4);
        } else {
            hash = seed + PRIME5;
        }
        hash += length;
        for (; at + 8 <= length; at += 8) {
            hash ^= round(0, lane(input, at));
            hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
        }
        if (at + 4 <= length) {
            long word = (input[at] & 0xFFL) | (input[at + 1] & 0xFFL) << 8 | (input[at + 2] & 0xFFL) << 16 | (input[at + 3] & 0xFFL) << 24;
            hash ^= word * PRIME1;
            hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
            at += 4;
        }
        for (; at < length; at++) {
            hash ^= (input[at] & 0xFFL) * PRIME5;
            hash = Long.rotateLeft(hash, 11) * PRIME1;
        }
        hash ^= hash >>> 33;
        hash *= PRIME2;
        hash ^= hash >>> 29;
        hash *= PRIME3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long round(long accumulator, long lane) {
        return Long.rotateLeft(accumulator + lane * PRIME2, 31) * PRIME1;
    }

    private static long merge(long hash, long accumulator) {
        return (hash ^ round(0, accumulator)) * PRIME1 + PRIME4;
    }

    private static long lane(byte[] input, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (input[at + i] & 0xFFL);
        }
        return value;
    }
}
