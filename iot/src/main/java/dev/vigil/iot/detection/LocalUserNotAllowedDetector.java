package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.Optional;

/** A successful login of a user outside the group's {@code LocalUserNotAllowed} allow list, or on its deny list. */
final class LocalUserNotAllowedDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_CA_LocalUserNotAllowed",
            "Custom alert - The sign in of a user that is not on the allowed user list", AlertSeverity.LOW,
            "A user that is not allowed by the device's security group signed in to the device.",
            List.of("Verify whether the sign-in is legitimate; if it is, add the user to the allow list.",
                    "If not, disable the account and escalate the alert to the information security team."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("Login")) {
            return;
        }
        Optional<ListRule> allowed = device.rules().allowlist(ListRuleType.LocalUserNotAllowed);
        Optional<ListRule> denied = device.rules().denylist(ListRuleType.LocalUserNotAllowed);
        if (allowed.isEmpty() && denied.isEmpty()) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            LoginEvidence login = LoginEvidence.of(new PayloadItem(event.payload().get(index)));
            if (!login.succeeded() || login.isLogout()) {
                continue;
            }
            boolean notAllowed = allowed.map(rule -> !rule.contains(login.user())).orElse(false)
                    || denied.map(rule -> rule.contains(login.user())).orElse(false);
            if (notAllowed) {
                device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, login.localLoginProperties(),
                        login.entities());
            }
        }
    }
}
