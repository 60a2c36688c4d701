package dev.vigil.iot.alert;

import java.util.List;
import java.util.Objects;

/**
 * What an alert type is, as the catalogue of {@code docs/detections.md} lists it.
 *
 * @param alertType the stable type code, e.g. {@code IoT_BruteForceSucceeded}
 * @param displayName the {@code AlertName} / {@code DisplayName}, e.g. "Successful Bruteforce attempt"
 */
public record AlertDefinition(
        String alertType,
        String displayName,
        AlertSeverity severity,
        String description,
        List<String> remediationSteps) {

    public AlertDefinition {
        Objects.requireNonNull(alertType, "alertType");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        remediationSteps = List.copyOf(remediationSteps);
    }
}
