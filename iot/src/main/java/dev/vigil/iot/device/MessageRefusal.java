package dev.vigil.iot.device;

/** Why a message of an authenticated device was refused; IoT Hub refuses the same ones. */
public enum MessageRefusal implements RefusalReason {
    /** Body and properties exceed 256 KB: HTTPS 413 {@code MessageTooLarge}; MQTT closes the connection. */
    MESSAGE_TOO_LARGE,
    /** An MQTT PUBLISH with QoS 2, which IoT Hub does not support: the connection is closed. */
    QOS_NOT_SUPPORTED,
    /** An MQTT PUBLISH to a topic other than the device's own {@code devices/{id}/messages/events/}: the connection is closed. */
    TOPIC_NOT_ALLOWED;

    /** {@code 413001 MessageTooLarge}; the MQTT-only refusals are {@code 400003 InvalidOperation}. */
    @Override
    public IotHubError iotHubError() {
        return this == MESSAGE_TOO_LARGE ? IotHubError.MESSAGE_TOO_LARGE : IotHubError.INVALID_OPERATION;
    }
}
