package dev.vigil.iot.endpoint;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-device counts of the message intake and the time of the device's last message, readable by
 * the device's owner through the API and the console. Kept in memory: they start again at zero
 * when the server restarts.
 */
public final class IntakeCounters {
    /**
     * @param droppedSecurityMessages security messages refused by schema validation
     * @param lastActivityTime when the device's last counted message arrived (IoT Hub's name); null if none since the server started
     */
    public record DeviceCounts(long deviceToCloudMessages, long securityMessages, long droppedSecurityMessages, Instant lastActivityTime) {
    }

    private static final int MESSAGES = 0;
    private static final int SECURITY = 1;
    private static final int DROPPED = 2;
    /** Epoch milliseconds of the last message; 0 for none. */
    private static final int LAST_ACTIVITY = 3;

    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();

    void received(String hubName, String deviceId, boolean security, Instant receivedAt) {
        AtomicLong[] device = device(hubName, deviceId);
        device[MESSAGES].incrementAndGet();
        if (security) {
            device[SECURITY].incrementAndGet();
        }
        // one write per message; concurrent messages of a device may leave the older time, which is close enough for "last seen"
        device[LAST_ACTIVITY].set(receivedAt.toEpochMilli());
    }

    void dropped(String hubName, String deviceId) {
        device(hubName, deviceId)[DROPPED].incrementAndGet();
    }

    public DeviceCounts of(String hubName, String deviceId) {
        AtomicLong[] device = counts.get(key(hubName, deviceId));
        if (device == null) {
            return new DeviceCounts(0, 0, 0, null);
        }
        long last = device[LAST_ACTIVITY].get();
        return new DeviceCounts(device[MESSAGES].get(), device[SECURITY].get(), device[DROPPED].get(), last == 0 ? null : Instant.ofEpochMilli(last));
    }

    private AtomicLong[] device(String hubName, String deviceId) {
        return counts.computeIfAbsent(key(hubName, deviceId), k -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()});
    }

    private static String key(String hubName, String deviceId) {
        return hubName.toLowerCase(java.util.Locale.ROOT) + "/" + deviceId;
    }
}
