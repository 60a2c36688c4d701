package dev.vigil.iot.dedup;

import java.security.SecureRandom;

/**
 * Turns (hub, device, event id) into one 64-bit key: FNV-1a over the characters, from a random
 * per-process start so that no device can aim collisions at the table, then a finalizer that
 * spreads every input bit over the whole key. Hub names and event ids (GUIDs) compare without
 * case, device ids with case, as IoT Hub compares them.
 *
 * <p>Two different events share a key with a chance of about n / 2^64 for n keys held: with
 * millions held, less than one in a trillion per event. Such a collision would drop one event as
 * a duplicate; keeping the keys instead of the ids is what keeps the memory at 8 bytes an event.
 */
final class EventKeys {
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final char SEPARATOR = '\u0000';

    private final long seed;

    EventKeys(long seed) {
        this.seed = seed;
    }

    static EventKeys random() {
        return new EventKeys(new SecureRandom().nextLong());
    }

    /** Never 0, which {@link LongSet} keeps for empty slots. */
    long of(String hubName, String deviceId, String eventId) {
        long hash = 0xcbf29ce484222325L ^ seed;
        hash = foldingCase(hash, hubName);
        hash = (hash ^ SEPARATOR) * FNV_PRIME;
        for (int index = 0; index < deviceId.length(); index++) {
            hash = (hash ^ deviceId.charAt(index)) * FNV_PRIME;
        }
        hash = (hash ^ SEPARATOR) * FNV_PRIME;
        hash = foldingCase(hash, eventId);
        long key = finish(hash);
        return key == 0 ? 1 : key;
    }

    private static long foldingCase(long hash, String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            hash = (hash ^ (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)) * FNV_PRIME;
        }
        return hash;
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long finish(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
