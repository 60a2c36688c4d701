package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Duration;
import java.util.List;

/** Rule {@code ActiveConnectionsNotInAllowedRange}: connections created (ConnectionCreate items, either direction) per window. */
final class ActiveConnectionsRangeDetector extends RangeRuleDetector {
    static final String RULE_TYPE = "ActiveConnectionsNotInAllowedRange";
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CA_" + RULE_TYPE,
            "Custom alert - The number of active connections is outside the allowed range", AlertSeverity.LOW,
            "The number of connections the device created within the rule's time window is outside the range its security group allows.",
            List.of("Review the connections of the device and whether the change in traffic is expected.",
                    "If it is, adjust the range of the custom alert rule; if not, escalate the alert to the information security team."));

    ActiveConnectionsRangeDetector(Duration closeDelay) {
        super(closeDelay);
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    AlertDefinition definition(String ruleType) {
        return DEFINITION;
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (event.name().equals("ConnectionCreate")) {
            for (int index = 0; index < event.payload().size(); index++) {
                count(device, RULE_TYPE, event.timestampUtc());
            }
        }
    }
}
