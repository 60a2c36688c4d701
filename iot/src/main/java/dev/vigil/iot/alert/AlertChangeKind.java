package dev.vigil.iot.alert;

/** Why a new version of an alert was published. */
public enum AlertChangeKind {
    /** The first occurrence. */
    CREATED,
    /** A repeat within the dedup window: count and end time moved. */
    REPEATED,
    /** An analyst or a playbook changed the status. */
    STATUS_CHANGED
}
