package dev.vigil.iot.alert;

import java.util.stream.Collectors;

/** The lifecycle does not allow this change of status, e.g. Resolved to Dismissed. */
public final class InvalidAlertStatusTransitionException extends IotAlertException {
    private final AlertStatus from;
    private final AlertStatus to;

    InvalidAlertStatusTransitionException(String alertId, AlertStatus from, AlertStatus to) {
        super("InvalidAlertStatusTransition", "IoT alert '" + alertId + "' cannot change from " + from.sentinelName()
                + " to " + to.sentinelName() + "; from " + from.sentinelName() + " it may change to "
                + from.allowedNext().stream().map(AlertStatus::sentinelName).collect(Collectors.joining(", ")));
        this.from = from;
        this.to = to;
    }

    public AlertStatus from() {
        return from;
    }

    public AlertStatus to() {
        return to;
    }
}
