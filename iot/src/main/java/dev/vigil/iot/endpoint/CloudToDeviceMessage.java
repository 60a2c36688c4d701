package dev.vigil.iot.endpoint;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A cloud-to-device message waiting for its device: kept until the device acknowledges it or it
 * expires, across restarts.
 *
 * @param sequence orders a device's messages; also part of the stored id
 * @param messageId what the device sees as {@code $.mid}
 * @param body the payload, stored as base64
 */
public record CloudToDeviceMessage(long sequence, String messageId, String hubName, String deviceId, byte[] body,
                                   Map<String, String> properties, Instant enqueuedAt, Instant expiresAt) {
    public CloudToDeviceMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(deviceId, "deviceId");
        body = body.clone();
        properties = Map.copyOf(properties);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The stored id: the device's prefix, then the zero-padded sequence, so a device's messages sort in order. */
    String key() {
        return devicePrefix(hubName, deviceId) + String.format("%019d", sequence);
    }

    static String devicePrefix(String hubName, String deviceId) {
        return hubName.toLowerCase(Locale.ROOT) + "/" + deviceId + "/";
    }
}
