package dev.vigil.server;

import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.endpoint.mqtt.MqttSettings;
import java.util.Objects;

/**
 * The IoT device endpoints of a server.
 *
 * @param domain hubs answer as {@code {hub}.{domain}}; the default lets real SDK connection strings work unchanged
 * @param dedup how long, and for how many ids at most, re-sent security events are recognised
 */
public record IotSettings(String domain, MqttSettings mqtt, DedupSettings dedup) {
    public static final String DEFAULT_DOMAIN = "azure-devices.net";

    public IotSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(dedup, "dedup");
    }

    /** With the default deduplication window and id limit. */
    public IotSettings(String domain, MqttSettings mqtt) {
        this(domain, mqtt, DedupSettings.defaults());
    }

    /** The default domain and MQTT in plaintext on a free loopback port. */
    public static IotSettings localDefaults() {
        return new IotSettings(DEFAULT_DOMAIN, MqttSettings.localOnly());
    }
}
