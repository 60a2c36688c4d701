package dev.vigil.iot.registry;

import java.util.Map;
import java.util.Objects;

/**
 * A device of a hub with its two symmetric keys (either one signs SAS tokens) and twin tags.
 *
 * @param primaryKey base64 of 32 random bytes
 * @param tags twin tags; {@code SecurityGroup} picks the device security group
 */
public record Device(String hubName, String deviceId, DeviceStatus status, String primaryKey, String secondaryKey, Map<String, String> tags) {
    public static final String SECURITY_GROUP_TAG = "SecurityGroup";
    public static final String DEFAULT_SECURITY_GROUP = "default";

    public Device {
        ResourceNames.requireHubName(hubName);
        ResourceNames.requireDeviceId(deviceId);
        status = Objects.requireNonNullElse(status, DeviceStatus.ENABLED);
        Objects.requireNonNull(primaryKey, "primaryKey");
        Objects.requireNonNull(secondaryKey, "secondaryKey");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean enabled() {
        return status == DeviceStatus.ENABLED;
    }

    public String securityGroup() {
        String group = tags.get(SECURITY_GROUP_TAG);
        return group == null || group.isBlank() ? DEFAULT_SECURITY_GROUP : group;
    }

    public Device withStatus(DeviceStatus newStatus) {
        return new Device(hubName, deviceId, newStatus, primaryKey, secondaryKey, tags);
    }

    /** Whether both keys are the other's, i.e. no token signed with one stopped working. */
    public boolean sameKeys(Device other) {
        return primaryKey.equals(other.primaryKey) && secondaryKey.equals(other.secondaryKey);
    }

    Device withKeys(String newPrimaryKey, String newSecondaryKey) {
        return new Device(hubName, deviceId, status, newPrimaryKey, newSecondaryKey, tags);
    }

    public Device withTags(Map<String, String> newTags) {
        return new Device(hubName, deviceId, status, primaryKey, secondaryKey, newTags);
    }
}
