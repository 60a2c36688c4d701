package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.Optional;

/**
 * A process whose executable (full path or file name) is outside the group's
 * {@code ProcessNotAllowed} allow list, or on its deny list.
 */
final class ProcessNotAllowedDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CA_ProcessNotAllowed",
            "Custom alert - A process was executed that is not allowed", AlertSeverity.LOW,
            "A process that is not allowed by the device's security group was executed on the device.",
            List.of("Verify whether the process is legitimate; if it is, add it to the allow list.",
                    "If not, stop the process and escalate the alert to the information security team."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("ProcessCreate")) {
            return;
        }
        Optional<ListRule> allowed = device.rules().allowlist(ListRuleType.ProcessNotAllowed);
        Optional<ListRule> denied = device.rules().denylist(ListRuleType.ProcessNotAllowed);
        if (allowed.isEmpty() && denied.isEmpty()) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            ProcessEvidence process = ProcessEvidence.of(new PayloadItem(event.payload().get(index)));
            boolean notAllowed = allowed.map(rule -> !listed(rule, process)).orElse(false)
                    || denied.map(rule -> listed(rule, process)).orElse(false);
            if (notAllowed) {
                device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, process.extendedProperties(),
                        process.entities());
            }
        }
    }

    private static boolean listed(ListRule rule, ProcessEvidence process) {
        return rule.contains(process.executable()) || rule.contains(process.executableName());
    }
}
