package dev.vigil.iot.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a device may connect, spelled as IoT Hub's device registry spells it. */
public enum DeviceStatus {
    ENABLED("enabled"),
    DISABLED("disabled");

    private final String text;

    DeviceStatus(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    @JsonCreator
    public static DeviceStatus fromText(String text) {
        for (DeviceStatus status : values()) {
            if (status.text.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new InvalidResourceException("'status' must be 'enabled' or 'disabled', was '" + text + "'");
    }
}
