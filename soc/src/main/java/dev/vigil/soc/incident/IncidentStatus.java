package dev.vigil.soc.incident;

import java.util.Arrays;

/** Sentinel's incident lifecycle: New until someone works on it, Active while worked on, Closed with a classification. */
public enum IncidentStatus {
    NEW("New"),
    ACTIVE("Active"),
    CLOSED("Closed");

    private final String sentinelName;

    IncidentStatus(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }

    public boolean isOpen() {
        return this != CLOSED;
    }

    /** The status with this name, case-insensitive, e.g. {@code Active}. */
    public static IncidentStatus named(String name) {
        return Arrays.stream(values()).filter(s -> s.sentinelName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'status' must be New, Active or Closed, was '" + name + "'"));
    }
}
