package dev.vigil.soc.incident;

import java.util.Arrays;

/** Whether a label was put on by a person or by a rule. */
public enum LabelType {
    USER("User"),
    AUTO_ASSIGNED("AutoAssigned");

    private final String sentinelName;

    LabelType(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }

    public static LabelType named(String name) {
        return Arrays.stream(values()).filter(t -> t.sentinelName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("'labelType' must be User or AutoAssigned, was '" + name + "'"));
    }
}
