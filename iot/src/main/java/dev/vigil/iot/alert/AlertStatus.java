package dev.vigil.iot.alert;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an alert is in its lifecycle. An analyst takes a new alert in hand, resolves or dismisses
 * it, and may reactivate a closed one; a resolved alert is never turned into a dismissed one (or
 * the reverse) without being reopened first, so that the reason for closing stays readable.
 */
public enum AlertStatus {
    NEW("New"),
    IN_PROGRESS("InProgress"),
    RESOLVED("Resolved"),
    DISMISSED("Dismissed");

    private final String sentinelName;

    AlertStatus(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    /** The spelling of the {@code Status} column, e.g. {@code InProgress}. */
    public String sentinelName() {
        return sentinelName;
    }

    /** Whether the alert is still open, so that repeats of it are merged into it. */
    public boolean isActive() {
        return this == NEW || this == IN_PROGRESS;
    }

    /** The statuses this one may change to. */
    public Set<AlertStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, RESOLVED, DISMISSED);
            case IN_PROGRESS -> EnumSet.of(NEW, RESOLVED, DISMISSED);
            case RESOLVED, DISMISSED -> EnumSet.of(NEW, IN_PROGRESS);
        };
    }

    /** Reads {@code New}, {@code InProgress}, {@code Resolved} or {@code Dismissed}, ignoring case. */
    public static AlertStatus fromSentinelName(String name) {
        for (AlertStatus status : values()) {
            if (status.sentinelName.equalsIgnoreCase(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown alert status '" + name + "'; expected New, InProgress, Resolved or Dismissed");
    }
}
