package dev.vigil.iot.endpoint;

/**
 * A security message the hub cannot store because the hub's security monitoring points at a
 * workspace that is gone or cannot take raw events: the hub's set-up is at fault, not the device,
 * and nothing was stored, so the device may send the message again. The message says nothing of
 * the workspace; a device must not learn which workspaces exist. The server log names it.
 */
public final class SecurityMonitoringUnavailableException extends RuntimeException {
    public static final String CODE = "SecurityMonitoringUnavailable";

    public SecurityMonitoringUnavailableException(String hubName) {
        super("IoT hub '" + hubName + "' cannot store security messages now: its security monitoring is not set up correctly."
                + " Nothing was stored; send the message again later.");
    }

    public String code() {
        return CODE;
    }
}
