package dev.vigil.soc.incident;

import java.util.Arrays;

/** What the analyst concluded when closing an incident. */
public enum Classification {
    TRUE_POSITIVE("TruePositive"),
    BENIGN_POSITIVE("BenignPositive"),
    FALSE_POSITIVE("FalsePositive"),
    UNDETERMINED("Undetermined");

    private final String sentinelName;

    Classification(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }

    /** The classification with this name, case-insensitive, e.g. {@code TruePositive}. */
    public static Classification named(String name) {
        return Arrays.stream(values()).filter(c -> c.sentinelName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'classification' must be TruePositive, BenignPositive, FalsePositive or "
                        + "Undetermined, was '" + name + "'"));
    }
}
