package dev.vigil.iot.endpoint;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A device-to-cloud message as any endpoint received it.
 *
 * @param interfaceId {@code iothub-interface-id}, from a header, a system or an application property
 * @param applicationProperties the message's application properties
 * @param protocol how it came
 * @param sourceAddress the peer, {@code host:port}
 * @param systemProperties the system properties the device set, by IoT Hub's names ({@link MessageSystemProperties})
 */
public record DeviceMessage(
        AuthenticatedDevice device,
        byte[] body,
        Optional<String> interfaceId,
        Map<String, String> applicationProperties,
        Protocol protocol,
        String sourceAddress,
        Map<String, String> systemProperties) {

    /** What marks a security message: {@code SetAsSecurityMessage()} in the device SDKs. */
    public static final String SECURITY_INTERFACE_ID = "urn:azureiot:Security:SecurityAgent:1";
    public static final String INTERFACE_ID_PROPERTY = "iothub-interface-id";
    /** IoT Hub's limit on a device-to-cloud message: 256 KB of body and properties. */
    public static final int MAX_BYTES = 256 * 1024;

    public DeviceMessage {
        Map<String, String> properties = Map.copyOf(applicationProperties);
        applicationProperties = properties;
        interfaceId = interfaceId.or(() -> Optional.ofNullable(properties.get(INTERFACE_ID_PROPERTY)));
        systemProperties = Map.copyOf(systemProperties);
    }

    /** A message without system properties other than the interface id. */
    public DeviceMessage(AuthenticatedDevice device, byte[] body, Optional<String> interfaceId, Map<String, String> applicationProperties,
            Protocol protocol, String sourceAddress) {
        this(device, body, interfaceId, applicationProperties, protocol, sourceAddress, Map.of());
    }

    public boolean isSecurityMessage() {
        return interfaceId.filter(SECURITY_INTERFACE_ID::equals).isPresent();
    }

    /**
     * What counts toward {@link #MAX_BYTES}, as IoT Hub counts it: the body, the names and values
     * of the application properties and the value of the interface id (a system property), in UTF-8.
     */
    public long size() {
        long size = body.length + interfaceId.map(DeviceMessage::utf8Length).orElse(0);
        for (Map.Entry<String, String> property : applicationProperties.entrySet()) {
            size += utf8Length(property.getKey()) + utf8Length(property.getValue());
        }
        return size;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
