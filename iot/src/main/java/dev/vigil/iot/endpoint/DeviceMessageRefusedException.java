package dev.vigil.iot.endpoint;

import dev.vigil.iot.device.MessageRefusal;

/**
 * A message of an authenticated device refused before anything of it was taken; the refusal has
 * been reported to the activity listener (and so to the log). The message says what was wrong
 * and never echoes the device's credentials.
 */
public final class DeviceMessageRefusedException extends RuntimeException {
    private final MessageRefusal reason;

    public DeviceMessageRefusedException(MessageRefusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MessageRefusal reason() {
        return reason;
    }

    /** IoT Hub's error name: {@code MessageTooLarge} (HTTP 413, IoT Hub error 413001), and names in its style for the MQTT-only refusals. */
    public String code() {
        return switch (reason) {
            case MESSAGE_TOO_LARGE -> "MessageTooLarge";
            case QOS_NOT_SUPPORTED -> "QosNotSupported";
            case TOPIC_NOT_ALLOWED -> "TopicNotAllowed";
        };
    }
}
