package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.device.AuthenticationFailure;
import java.util.List;
import java.util.Optional;

/** The hub built-in alerts for SAS tokens: every attempt with an expired token, or with a signature that does not match. */
final class SasTokenDetector extends ConnectionRefusalDetector {

    static final AlertDefinition EXPIRED = new AlertDefinition("IoT_Expired_SAS_Token", "Expired SAS Token", AlertSeverity.LOW,
            "A device tried to connect to the IoT hub with an expired SAS token.",
            List.of("Make sure the device's SAS token is renewed before it expires.",
                    "If the device should not connect, check where the attempts come from."));
    static final AlertDefinition INVALID = new AlertDefinition("IoT_Invalid_SAS_Token", "Invalid SAS token signature",
            AlertSeverity.LOW, "A device tried to connect to the IoT hub with a SAS token whose signature is not valid.",
            List.of("Make sure the device uses a token signed with one of its current keys.",
                    "If the attempts do not come from the device, regenerate its keys and check the source address."));

    SasTokenDetector() {
        super("sas");
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(EXPIRED, INVALID);
    }

    @Override
    Optional<AlertDefinition> alertFor(AuthenticationFailure reason) {
        return switch (reason) {
            case EXPIRED_SAS_TOKEN -> Optional.of(EXPIRED);
            case INVALID_SAS_SIGNATURE -> Optional.of(INVALID);
            default -> Optional.empty();
        };
    }
}
