package dev.vigil.iot.endpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-device counts of the message intake, readable by the device's owner through the API. */
public final class IntakeCounters {
    /** @param droppedSecurityMessages security messages refused by schema validation */
    public record DeviceCounts(long deviceToCloudMessages, long securityMessages, long droppedSecurityMessages) {
    }

    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();

    void received(String hubName, String deviceId, boolean security) {
        AtomicLong[] device = device(hubName, deviceId);
        device[0].incrementAndGet();
        if (security) {
            device[1].incrementAndGet();
        }
    }

    void dropped(String hubName, String deviceId) {
        device(hubName, deviceId)[2].incrementAndGet();
    }

    public DeviceCounts of(String hubName, String deviceId) {
        AtomicLong[] device = counts.get(key(hubName, deviceId));
        return device == null ? new DeviceCounts(0, 0, 0) : new DeviceCounts(device[0].get(), device[1].get(), device[2].get());
    }

    private AtomicLong[] device(String hubName, String deviceId) {
        return counts.computeIfAbsent(key(hubName, deviceId), k -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
    }

    private static String key(String hubName, String deviceId) {
        return hubName.toLowerCase(java.util.Locale.ROOT) + "/" + deviceId;
    }
}
