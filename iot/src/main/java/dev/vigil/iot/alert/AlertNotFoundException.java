package dev.vigil.iot.alert;

/** No alert has this id. */
public final class AlertNotFoundException extends IotAlertException {
    private final String alertId;

    public AlertNotFoundException(String alertId) {
        super("AlertNotFound", "IoT alert '" + alertId + "' does not exist");
        this.alertId = alertId;
    }

    public String alertId() {
        return alertId;
    }
}
