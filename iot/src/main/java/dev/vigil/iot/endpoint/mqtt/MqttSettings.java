package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.endpoint.tls.TlsIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the MQTT endpoint listens.
 *
 * @param host the interface of both listeners; {@code 127.0.0.1} by default so that nothing is exposed unasked
 * @param plainPort the plaintext port for local use, 0 for a free one, -1 for none
 * @param tlsPort the TLS port, 0 for a free one, -1 for none; needs the server's TLS identity
 * @param tls the server's key and certificate
 */
public record MqttSettings(String host, int plainPort, int tlsPort, Optional<TlsIdentity> tls) {
    public static final int DISABLED = -1;

    public MqttSettings {
        Objects.requireNonNull(host, "host");
        tls = Objects.requireNonNullElse(tls, Optional.empty());
        if (tlsPort != DISABLED && tls.isEmpty()) {
            throw new IllegalArgumentException("the MQTT TLS port needs the server's certificate");
        }
        if (plainPort < DISABLED || tlsPort < DISABLED || plainPort > 65_535 || tlsPort > 65_535) {
            throw new IllegalArgumentException("MQTT ports must be -1 (off) or between 0 and 65535");
        }
    }

    /** Plaintext on a free loopback port, no TLS: what tests and embedded uses want. */
    public static MqttSettings localOnly() {
        return new MqttSettings("127.0.0.1", 0, DISABLED, Optional.empty());
    }
}
