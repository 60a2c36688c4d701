package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.Optional;

/** An outbound connection to an address outside the group's {@code ConnectionToIpNotAllowed} allow list. */
final class ConnectionToIpNotAllowedDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CA_ConnectionToIpNotAllowed",
            "Custom alert - The outbound connection created to an IP that isn't allowed", AlertSeverity.LOW,
            "An outbound connection was created to an IP address that is not on the allow list of the device's security group.",
            List.of("Verify whether the connection is legitimate; if it is, add the address to the allow list.",
                    "If not, block the address and escalate the alert to the information security team."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("ConnectionCreate")) {
            return;
        }
        Optional<ListRule> allowed = device.rules().allowlist(ListRuleType.ConnectionToIpNotAllowed);
        if (allowed.isEmpty()) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            ConnectionEvidence connection = ConnectionEvidence.of(new PayloadItem(event.payload().get(index)));
            if (connection.outbound() && !allowed.get().contains(connection.remoteAddress())) {
                device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, connection.extendedProperties(),
                        connection.entities());
            }
        }
    }
}
