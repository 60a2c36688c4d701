package dev.vigil.soc.incident;

import java.util.Arrays;

/** The severities Sentinel gives incidents (the same names as {@code AlertSeverity}), lowest first. */
public enum IncidentSeverity {
    INFORMATIONAL("Informational"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String sentinelName;

    IncidentSeverity(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }

    /** The severity with this name, case-insensitive, e.g. {@code High}. */
    public static IncidentSeverity named(String name) {
        return Arrays.stream(values()).filter(s -> s.sentinelName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'severity' must be High, Medium, Low or Informational, was '" + name + "'"));
    }
}
