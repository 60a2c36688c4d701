package dev.vigil.iot.action;

import java.util.Map;

/** What device actions need from the endpoints that hold live device connections. */
public interface DeviceConnections {

    /** Closes the device's live connection; @return whether there was one */
    boolean disconnect(String hubName, String deviceId);

    /**
     * Sends a cloud-to-device message on {@code devices/{id}/messages/devicebound/{properties}}.
     *
     * @return whether the device was connected; Moquette delivers at QoS 1 to its subscription
     */
    boolean sendToDevice(String hubName, String deviceId, byte[] body, Map<String, String> properties);
}
