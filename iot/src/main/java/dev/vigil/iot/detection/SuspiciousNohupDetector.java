package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** {@code nohup} keeping alive something from a temporary or hidden path, or something just downloaded or decoded. */
final class SuspiciousNohupDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_SuspiciousNohup", "Detected suspicious use of the nohup command",
            AlertSeverity.MEDIUM,
            "Suspicious use of the nohup command was detected on the device. Attackers use nohup to keep files they ran from a"
                    + " temporary directory running in the background.",
            List.of("Review with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    private static final Pattern NOHUP = Pattern.compile("\\bnohup\\b");
    private static final List<Pattern> SUSPICIOUS = List.of(
            Pattern.compile("(^|[\\s=\"'])(/tmp|/var/tmp|/dev/shm)/"),
            Pattern.compile("/\\.[^/\\s.][^/\\s]*"),
            Pattern.compile("\\b(curl|wget|base64)\\b"));

    SuspiciousNohupDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        String text = process.executable() + " " + process.commandLine();
        return NOHUP.matcher(text).find() && anyFinds(SUSPICIOUS, process.commandLine());
    }
}
