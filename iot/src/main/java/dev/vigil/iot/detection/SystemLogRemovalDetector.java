package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** Files under /var/log are deleted, shredded or truncated, or the journal is vacuumed. */
final class SystemLogRemovalDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_SystemLogsRemoved", "Removal of system logs files detected",
            AlertSeverity.MEDIUM, "Suspicious removal of log files on the device was detected.",
            List.of("Review with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(rm|shred|unlink|truncate)\\b.*\\s/var/log/"),
            Pattern.compile(">\\s*/var/log/\\S+"),
            Pattern.compile("\\bjournalctl\\b.*--vacuum-"));

    SystemLogRemovalDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return anyFinds(PATTERNS, commandText(process));
    }
}
