package dev.vigil.soc.incident;

import java.util.Arrays;
import java.util.List;

/** Why an incident got its classification; each reason belongs to one classification, as in Sentinel. */
public enum ClassificationReason {
    SUSPICIOUS_ACTIVITY("SuspiciousActivity", Classification.TRUE_POSITIVE),
    SUSPICIOUS_BUT_EXPECTED("SuspiciousButExpected", Classification.BENIGN_POSITIVE),
    INCORRECT_ALERT_LOGIC("IncorrectAlertLogic", Classification.FALSE_POSITIVE),
    INACCURATE_DATA("InaccurateData", Classification.FALSE_POSITIVE);

    private final String sentinelName;
    private final Classification classification;

    ClassificationReason(String sentinelName, Classification classification) {
        this.sentinelName = sentinelName;
        this.classification = classification;
    }

    public String sentinelName() {
        return sentinelName;
    }

    public Classification classification() {
        return classification;
    }

    /** The reasons that go with a classification; none for Undetermined. */
    public static List<ClassificationReason> of(Classification classification) {
        return Arrays.stream(values()).filter(r -> r.classification == classification).toList();
    }

    /** The reason with this name, case-insensitive, e.g. {@code SuspiciousActivity}. */
    public static ClassificationReason named(String name) {
        return Arrays.stream(values()).filter(r -> r.sentinelName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'classificationReason' must be SuspiciousActivity, SuspiciousButExpected, "
                        + "IncorrectAlertLogic or InaccurateData, was '" + name + "'"));
    }
}
