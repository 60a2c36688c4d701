package dev.vigil.iot.device;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused device connection, request or message, as the endpoints report it.
 *
 * @param hubHost the hub host the device asked for, e.g. {@code plant-hub.azure-devices.net}, also when no such hub exists
 * @param hubResourceId the hub's ARM id, when the hub exists
 * @param deviceId the device the request named ({@code ""} when it named none)
 * @param detail what exactly was wrong, for the log; never a token or a key
 * @param sourceAddress the peer, {@code host:port}
 */
public record DeviceRefusal(String hubHost, Optional<String> hubResourceId, String deviceId, RefusalReason reason, String detail,
                            String sourceAddress, Instant at) {
    public DeviceRefusal {
        hubHost = Objects.requireNonNullElse(hubHost, "");
        Objects.requireNonNull(hubResourceId, "hubResourceId");
        deviceId = Objects.requireNonNullElse(deviceId, "");
        Objects.requireNonNull(reason, "reason");
        detail = Objects.requireNonNullElse(detail, "");
        sourceAddress = Objects.requireNonNullElse(sourceAddress, "");
        Objects.requireNonNull(at, "at");
    }
}
