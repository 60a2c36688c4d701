package dev.vigil.iot.routing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * IoT Hub's routing sources, by their ARM names. Vigil routes {@code DeviceMessages}, the telemetry
 * of devices and modules; the others are IoT Hub sources whose events Vigil does not route yet, and
 * a route naming one is refused rather than saved to do nothing.
 */
public enum RoutingSource {
    DEVICE_MESSAGES("DeviceMessages", true),
    TWIN_CHANGE_EVENTS("TwinChangeEvents", false),
    DEVICE_LIFECYCLE_EVENTS("DeviceLifecycleEvents", false),
    DEVICE_CONNECTION_STATE_EVENTS("DeviceConnectionStateEvents", false),
    DEVICE_JOB_LIFECYCLE_EVENTS("DeviceJobLifecycleEvents", false),
    DIGITAL_TWIN_CHANGE_EVENTS("DigitalTwinChangeEvents", false),
    MQTT_BROKER_MESSAGES("MqttBrokerMessages", false),
    INVALID("Invalid", false);

    private final String armName;
    private final boolean routed;

    RoutingSource(String armName, boolean routed) {
        this.armName = armName;
        this.routed = routed;
    }

    public String armName() {
        return armName;
    }

    /** The source of this ARM name (case-insensitive, as ARM reads enumerations), if Vigil routes it; refused otherwise, naming what it takes. */
    public static RoutingSource routed(String name, String where) {
        if (name == null || name.isBlank()) {
            throw new InvalidRoutingException(where + ": 'source' is required; Vigil routes " + routedNames());
        }
        RoutingSource source = Arrays.stream(values()).filter(s -> s.armName.equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                new InvalidRoutingException(where + ": 'source' '" + name + "' is not an IoT Hub routing source; Vigil routes " + routedNames()));
        if (!source.routed) {
            throw new InvalidRoutingException(where + ": 'source' '" + source.armName + "' is an IoT Hub source whose events Vigil does not route yet;"
                    + " Vigil routes " + routedNames());
        }
        return source;
    }

    private static String routedNames() {
        List<String> names = Arrays.stream(values()).filter(s -> s.routed).map(s -> "'" + s.armName + "'").toList();
        return names.stream().collect(Collectors.joining(", "));
    }
}
