package dev.vigil.iot.registry;

import java.util.Objects;

/**
 * A module identity of a device (e.g. Defender's {@code azureiotsecurity} agent): its own keys,
 * its own connection ({@code {deviceId}/{moduleId}}) and its own twin; its messages count as its
 * device's.
 *
 * @param primaryKey base64 of 32 random bytes; either key signs tokens for {@code {host}/devices/{d}/modules/{m}}
 */
public record Module(String hubName, String deviceId, String moduleId, DeviceStatus status, String primaryKey, String secondaryKey) {
    /** The module Defender's security agent connects as. */
    public static final String SECURITY_MODULE = "azureiotsecurity";

    public Module {
        ResourceNames.requireHubName(hubName);
        ResourceNames.requireDeviceId(deviceId);
        ResourceNames.requireModuleId(moduleId);
        status = Objects.requireNonNullElse(status, DeviceStatus.ENABLED);
        Objects.requireNonNull(primaryKey, "primaryKey");
        Objects.requireNonNull(secondaryKey, "secondaryKey");
    }

    public boolean enabled() {
        return status == DeviceStatus.ENABLED;
    }

    public Module withStatus(DeviceStatus newStatus) {
        return new Module(hubName, deviceId, moduleId, newStatus, primaryKey, secondaryKey);
    }
}
