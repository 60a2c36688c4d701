package dev.vigil.iot.device;

import dev.vigil.iot.message.SecurityMessage;
import java.time.Instant;

/**
 * What the device endpoints report to the detection engine. Calls come from endpoint threads
 * and must not block; an implementation hands work to its own executor.
 */
public interface DeviceActivityListener {

    /** A valid security message from a device of a hub with security monitoring on. */
    void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt);

    /** Any device-to-cloud message (security or not), for the hub's message statistics. */
    void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt);

    /** A cloud-to-device message sent, or rejected by the device. */
    void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at);

    /**
     * A refused connection or request, also of a hub or device that does not exist, or a refused
     * message of a connected device ({@link MessageRefusal}).
     */
    void refused(DeviceRefusal refusal);

    /**
     * The security agent's configuration in the desired properties of the device's
     * {@code azureiotsecurity} module twin cannot be parsed; {@code problem} says what is wrong.
     */
    default void agentConfigurationRejected(DeviceIdentity device, String problem, Instant at) {
    }
}
