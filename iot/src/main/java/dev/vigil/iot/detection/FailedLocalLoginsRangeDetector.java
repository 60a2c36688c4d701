package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Duration;
import java.util.List;

/** Rule {@code FailedLocalLoginsNotInAllowedRange}: failed logins (Login items with Result Fail, any source) per window. */
final class FailedLocalLoginsRangeDetector extends RangeRuleDetector {
    static final String RULE_TYPE = "FailedLocalLoginsNotInAllowedRange";
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CA_" + RULE_TYPE,
            "Custom alert - The number of failed local logins is outside the allowed range", AlertSeverity.LOW,
            "The number of failed logins on the device within the rule's time window is outside the range its security group allows.",
            List.of("Review the failed logins and their sources.",
                    "If they are not expected, escalate the alert to the information security team."));

    FailedLocalLoginsRangeDetector(Duration closeDelay) {
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
        if (!event.name().equals("Login")) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            LoginEvidence login = LoginEvidence.of(new PayloadItem(event.payload().get(index)));
            if (login.failed() && !login.isLogout()) {
                count(device, RULE_TYPE, event.timestampUtc());
            }
        }
    }
}
