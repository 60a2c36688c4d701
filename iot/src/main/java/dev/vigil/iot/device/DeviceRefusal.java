package dev.vigil.iot.device;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused device or module connection, request or message, as the endpoints report it.
 *
 * @param hubHost the hub host the device asked for, e.g. {@code plant-hub.azure-devices.net}, also when no such hub exists
 * @param hubResourceId the hub's ARM id, when the hub exists
 * @param deviceId the device the request named ({@code ""} when it named none)
 * @param moduleId the module of that device the request named, empty for the device itself
 * @param detail what exactly was wrong, for the log; never a token or a key
 * @param sourceAddress the peer, {@code host:port}
 */
public record DeviceRefusal(String hubHost, Optional<String> hubResourceId, String deviceId, Optional<String> moduleId, RefusalReason reason,
                            String detail, String sourceAddress, Instant at) {
    public DeviceRefusal {
        hubHost = Objects.requireNonNullElse(hubHost, "");
        Objects.requireNonNull(hubResourceId, "hubResourceId");
        deviceId = Objects.requireNonNullElse(deviceId, "");
        moduleId = Objects.requireNonNullElse(moduleId, Optional.empty());
        Objects.requireNonNull(reason, "reason");
        detail = Objects.requireNonNullElse(detail, "");
        sourceAddress = Objects.requireNonNullElse(sourceAddress, "");
        Objects.requireNonNull(at, "at");
    }

    /** A refusal of the device itself. */
    public DeviceRefusal(String hubHost, Optional<String> hubResourceId, String deviceId, RefusalReason reason, String detail, String sourceAddress,
            Instant at) {
        this(hubHost, hubResourceId, deviceId, Optional.empty(), reason, detail, sourceAddress, at);
    }

    /** Who was refused, as IoT Hub names an identity: {@code deviceId} or {@code deviceId/moduleId}. */
    public String identity() {
        return deviceId + moduleId.map(m -> "/" + m).orElse("");
    }
}
