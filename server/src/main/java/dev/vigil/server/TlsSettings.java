package dev.vigil.server;

import dev.vigil.iot.endpoint.tls.TlsIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's one certificate, used by every TLS listener: HTTPS (API, console, the HTTPS device
 * endpoint and MQTT over WebSockets at {@code /$iothub/websocket}) and MQTT over TLS.
 *
 * @param httpsPort the HTTPS port, 0 for a free one, -1 for none; served only with a certificate
 */
public record TlsSettings(Optional<TlsIdentity> identity, int httpsPort) {
    public static final int DISABLED = -1;
    public static final int DEFAULT_HTTPS_PORT = 8443;

    public TlsSettings {
        Objects.requireNonNull(identity, "identity");
        if (httpsPort < DISABLED || httpsPort > 65_535) {
            throw new IllegalArgumentException("the HTTPS port must be -1 (off) or between 0 and 65535, was " + httpsPort);
        }
        if (httpsPort != DISABLED && identity.isEmpty()) {
            throw new IllegalArgumentException("HTTPS needs the server's certificate (--tls-cert or --tls-self-signed)");
        }
    }

    /** No certificate: plaintext only, which the defaults keep on this machine's loopback interface. */
    public static TlsSettings none() {
        return new TlsSettings(Optional.empty(), DISABLED);
    }

    public boolean httpsEnabled() {
        return httpsPort != DISABLED;
    }
}
