package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.device.AuthenticationFailure;
import java.util.List;
import java.util.Optional;

/**
 * The hub built-in alerts for X.509 devices: every connection refused because the certificate
 * matches neither of a self-signed device's thumbprints, or because a certificate of its chain is
 * not valid now (the refusal reason does not tell an expired certificate from one not yet valid, so
 * both raise the catalogue's "expired" alert).
 */
final class CertificateDetector extends ConnectionRefusalDetector {

    static final AlertDefinition THUMBPRINT_MISMATCH = new AlertDefinition("IoT_Cert_Print_Mismatch", "x.509 device certificate thumbprint mismatch",
            AlertSeverity.MEDIUM, "A device tried to connect to the IoT hub with an X.509 certificate whose thumbprint matches neither of its registered thumbprints.",
            List.of("Make sure the device presents the certificate whose thumbprint is registered for it.",
                    "If the device did not make the attempt, check the source address: someone else may be using its identity."));
    static final AlertDefinition EXPIRED = new AlertDefinition("IoT_Cert_Expired", "x.509 certificate expired", AlertSeverity.MEDIUM,
            "A device tried to connect to the IoT hub with an X.509 certificate, or a certificate of its chain, that is not valid at this time.",
            List.of("Renew the device's certificate (and the CA certificates of its chain) before they expire.",
                    "Check the device's clock and the certificate's validity period if the certificate is not valid yet."));

    CertificateDetector() {
        super("x509");
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(THUMBPRINT_MISMATCH, EXPIRED);
    }

    @Override
    Optional<AlertDefinition> alertFor(AuthenticationFailure reason) {
        return switch (reason) {
            case X509_THUMBPRINT_MISMATCH -> Optional.of(THUMBPRINT_MISMATCH);
            case X509_NOT_VALID_NOW -> Optional.of(EXPIRED);
            default -> Optional.empty();
        };
    }
}
