package dev.vigil.iot.detection;

import dev.vigil.iot.device.DeviceIdentity;
import java.time.Duration;

/**
 * What the detection engine reads from the registry. Called from the engine's own threads for
 * every message, so an implementation answers from memory (a cache the registry keeps current).
 */
public interface DetectionSettings {

    /** Whether security monitoring (Defender for IoT) is on for the hub. */
    boolean monitoringEnabled(String hubResourceId);

    /**
     * The custom alert rules of the device's security group ({@link DeviceIdentity#securityGroup()},
     * {@code default} when the twin has no {@code SecurityGroup} tag); {@link SecurityGroupRules#none()}
     * when the group has none.
     */
    SecurityGroupRules rules(DeviceIdentity device);

    /** The longest window of any enabled custom rule of any group, {@link Duration#ZERO} when there is none: how far back a restart replays. */
    Duration longestTimeWindow();
}
