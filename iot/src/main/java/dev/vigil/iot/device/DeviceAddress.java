package dev.vigil.iot.device;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A device of a hub, or one of its modules: whose twin, method call or connection it is.
 *
 * @param moduleId empty for the device itself
 */
public record DeviceAddress(String hubName, String deviceId, Optional<String> moduleId) {

    public DeviceAddress {
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(deviceId, "deviceId");
        moduleId = Objects.requireNonNullElse(moduleId, Optional.empty());
    }

    public static DeviceAddress device(String hubName, String deviceId) {
        return new DeviceAddress(hubName, deviceId, Optional.empty());
    }

    public static DeviceAddress module(String hubName, String deviceId, String moduleId) {
        return new DeviceAddress(hubName, deviceId, Optional.of(moduleId));
    }

    /** A key for maps and stores: hub names compare without case, ids exactly. */
    public String key() {
        return hubName.toLowerCase(Locale.ROOT) + "/" + deviceId + moduleId.map(m -> "/" + m).orElse("");
    }

    @Override
    public String toString() {
        return deviceId + moduleId.map(m -> "/" + m).orElse("") + " of hub '" + hubName + "'";
    }
}
