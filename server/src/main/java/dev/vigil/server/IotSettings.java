package dev.vigil.server;

import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import java.util.Objects;

/**
 * The IoT device endpoints of a server.
 *
 * @param domain hubs answer as {@code {hub}.{domain}}; the default lets real SDK connection strings work unchanged
 */
public record IotSettings(String domain, MqttSettings mqtt) {
    public static final String DEFAULT_DOMAIN = "azure-devices.net";

    public IotSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mqtt, "mqtt");
    }

    /** The default domain and MQTT in plaintext on a free loopback port. */
    public static IotSettings localDefaults() {
        return new IotSettings(DEFAULT_DOMAIN, MqttSettings.localOnly());
    }
}
