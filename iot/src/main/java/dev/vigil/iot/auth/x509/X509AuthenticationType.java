package dev.vigil.iot.auth.x509;

import java.util.Arrays;
import java.util.Optional;

/** How a device proves who it is, with IoT Hub's names for the {@code authentication.type} of a device identity. */
public enum X509AuthenticationType {
    /** SAS tokens signed with the device's keys (the default). */
    SAS("sas"),
    /** A self-signed certificate whose thumbprint is registered on the device. */
    SELF_SIGNED("selfSigned"),
    /** A certificate signed by a CA certificate verified on the hub, its subject CN the device id. */
    CERTIFICATE_AUTHORITY("certificateAuthority");

    private final String text;

    X509AuthenticationType(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<X509AuthenticationType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.text.equalsIgnoreCase(text)).findFirst();
    }
}
