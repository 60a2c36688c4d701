package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.Optional;

/** A connection, in either direction, with an address on the group's {@code ConnectionToIpNotAllowed} deny list. */
final class SuspiciousIpCommunicationDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_SuspiciousIpCommunication", "Suspicious IP address communication",
            AlertSeverity.MEDIUM, "Communication with a suspicious IP address, on the deny list of the device's security group, was detected.",
            List.of("Verify whether the connection is legitimate.",
                    "If not, block communication with the address and escalate the alert to the information security team."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("ConnectionCreate")) {
            return;
        }
        Optional<ListRule> denied = device.rules().denylist(ListRuleType.ConnectionToIpNotAllowed);
        if (denied.isEmpty()) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            ConnectionEvidence connection = ConnectionEvidence.of(new PayloadItem(event.payload().get(index)));
            if (denied.get().contains(connection.remoteAddress())) {
                device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, connection.extendedProperties(),
                        connection.entities());
            }
        }
    }
}
