package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;

/** Every successful login without a remote peer: console, {@code su}, loopback. */
final class SuccessfulLocalLoginDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_LocalLoginSucceeded", "Successful local login",
            AlertSeverity.HIGH, "A successful local login to the device was detected.",
            List.of("Make sure the login was authorized.",
                    "If not, change the password of the account and escalate the alert to the information security team."));

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("Login")) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            LoginEvidence login = LoginEvidence.of(new PayloadItem(event.payload().get(index)));
            if (login.succeeded() && login.isLocal() && !login.isLogout()) {
                device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, login.localLoginProperties(),
                        login.entities());
            }
        }
    }
}
