package dev.vigil.iot.endpoint;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.Protocol;
import java.util.Map;
import java.util.Optional;

/**
 * A device-to-cloud message as any endpoint received it.
 *
 * @param interfaceId {@code iothub-interface-id}, from a header, a system or an application property
 * @param applicationProperties the message's application properties
 * @param sourceAddress the peer, {@code host:port}
 */
public record DeviceMessage(
        AuthenticatedDevice device,
        byte[] body,
        Optional<String> interfaceId,
        Map<String, String> applicationProperties,
        Protocol protocol,
        String sourceAddress) {

    /** What marks a security message: {@code SetAsSecurityMessage()} in the device SDKs. */
    public static final String SECURITY_INTERFACE_ID = "urn:azureiot:Security:SecurityAgent:1";
    public static final String INTERFACE_ID_PROPERTY = "iothub-interface-id";

    public DeviceMessage {
        Map<String, String> properties = Map.copyOf(applicationProperties);
        applicationProperties = properties;
        interfaceId = interfaceId.or(() -> Optional.ofNullable(properties.get(INTERFACE_ID_PROPERTY)));
    }

    public boolean isSecurityMessage() {
        return interfaceId.filter(SECURITY_INTERFACE_ID::equals).isPresent();
    }
}
