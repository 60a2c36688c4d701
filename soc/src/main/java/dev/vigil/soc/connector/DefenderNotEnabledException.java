package dev.vigil.soc.connector;

/**
 * Connecting Defender for IoT was refused because no IoT hub of the subscription has security
 * monitoring on, so there would be no alert to stream: the state of the subscription conflicts
 * with the request (409), and the message says what to turn on.
 */
public final class DefenderNotEnabledException extends ConnectorException {
    private final String subscriptionId;

    public DefenderNotEnabledException(String subscriptionId, int hubCount) {
        super("DefenderForIoTNotEnabled", "No IoT hub of subscription '" + subscriptionId + "' has Defender for IoT turned on ("
                + (hubCount == 0 ? "the subscription has no IoT hub" : hubCount + " hub" + (hubCount == 1 ? "" : "s") + ", security monitoring off")
                + "). Enable Defender for IoT (security monitoring) on an IoT hub of this subscription, e.g. PUT "
                + "/api/subscriptions/" + subscriptionId + "/resourceGroups/{rg}/providers/Microsoft.Devices/IotHubs/{hub}"
                + "/providers/Microsoft.Security/iotSecuritySolutions/default with {\"properties\":{\"status\":\"Enabled\"}}, then connect again.");
        this.subscriptionId = subscriptionId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    @Override
    public int status() {
        return 409;
    }
}
