package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.device.AuthenticationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub built-in alerts for X.509 devices: every connection refused because the certificate
 * matches neither of a self-signed device's thumbprints, or because a certificate of its chain is
 * not valid now (the refusal reason does not tell an expired certificate from one not yet valid, so
 * both raise the catalogue's "expired" alert).
 */
final class CertificateDetector implements Detector {
    static final AlertDefinition THUMBPRINT_MISMATCH = new AlertDefinition("IoT_Cert_Print_Mismatch", "x.509 device certificate thumbprint mismatch",
            AlertSeverity.MEDIUM, "A device tried to connect to the IoT hub with an X.509 certificate whose thumbprint matches neither of its registered thumbprints.",
            List.of("Make sure the device presents the certificate whose thumbprint is registered for it.",
                    "If the device did not make the attempt, check the source address: someone else may be using its identity."));
    static final AlertDefinition EXPIRED = new AlertDefinition("IoT_Cert_Expired", "x.509 certificate expired", AlertSeverity.MEDIUM,
            "A device tried to connect to the IoT hub with an X.509 certificate, or a certificate of its chain, that is not valid at this time.",
            List.of("Renew the device's certificate (and the CA certificates of its chain) before they expire.",
                    "Check the device's clock and the certificate's validity period if the certificate is not valid yet."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(THUMBPRINT_MISMATCH, EXPIRED);
    }

    @Override
    public void onAuthenticationFailure(DeviceContext device, AuthenticationFailure reason, String sourceAddress, Instant at) {
        AlertDefinition definition = switch (reason) {
            case X509_THUMBPRINT_MISMATCH -> THUMBPRINT_MISMATCH;
            case X509_NOT_VALID_NOW -> EXPIRED;
            default -> null;
        };
        if (definition == null) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Source Address", sourceAddress);
        List<AlertEntity> entities = new ArrayList<>();
        if (!sourceAddress.isEmpty()) {
            entities.add(AlertEntity.ip(sourceAddress.replaceFirst("^(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+$", "$1")));
        }
        device.raise(definition, at, "x509#" + reason + "#" + sourceAddress + "#" + at, properties, entities);
    }
}
