package dev.vigil.iot.alert;

/** The {@code AlertSeverity} values of {@code SecurityAlert}. */
public enum AlertSeverity {
    INFORMATIONAL("Informational"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String sentinelName;

    AlertSeverity(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    /** The spelling of the {@code AlertSeverity} column, e.g. {@code Medium}. */
    public String sentinelName() {
        return sentinelName;
    }
}
