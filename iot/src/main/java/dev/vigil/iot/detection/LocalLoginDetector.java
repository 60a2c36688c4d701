package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.List;

/**
 * Every login without a remote peer (console, {@code su}, loopback) with one outcome: one
 * instance raises "Successful local login", another "Failed local login".
 */
final class LocalLoginDetector implements Detector {
    static final AlertDefinition SUCCEEDED = new AlertDefinition("IoT_LocalLoginSucceeded", "Successful local login",
            AlertSeverity.HIGH, "A successful local login to the device was detected.",
            List.of("Make sure the login was authorized.",
                    "If not, change the password of the account and escalate the alert to the information security team."));
    static final AlertDefinition FAILED = new AlertDefinition("IoT_LocalLoginFailed", "Failed local login", AlertSeverity.MEDIUM,
            "A failed local login attempt to the device was detected.",
            List.of("Make sure no unauthorized party has physical or local access to the device.",
                    "If the attempts continue, escalate the alert to the information security team."));

    private final boolean succeeded;
    private final AlertDefinition definition;

    private LocalLoginDetector(boolean succeeded) {
        this.succeeded = succeeded;
        this.definition = succeeded ? SUCCEEDED : FAILED;
    }

    static LocalLoginDetector successful() {
        return new LocalLoginDetector(true);
    }

    static LocalLoginDetector failed() {
        return new LocalLoginDetector(false);
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(definition);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("Login")) {
            return;
        }
        for (int index = 0; index < event.payload().size(); index++) {
            LoginEvidence login = LoginEvidence.of(new PayloadItem(event.payload().get(index)));
            boolean outcome = succeeded ? login.succeeded() : login.failed();
            if (outcome && login.isLocal() && !login.isLogout()) {
                device.raise(definition, event.timestampUtc(), event.id() + "#" + index, login.localLoginProperties(),
                        login.entities());
            }
        }
    }
}
