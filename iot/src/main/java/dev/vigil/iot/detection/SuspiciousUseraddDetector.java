package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** {@code useradd}/{@code adduser} making a second root (uid 0, non-unique uid, group 0) or a member of an admin group. */
final class SuspiciousUseraddDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_SuspiciousUseradd",
            "Detected suspicious use of the useradd command", AlertSeverity.MEDIUM,
            "Suspicious use of the useradd command was detected on the device: the new user gets root's identity or an administrator group.",
            List.of("Review the user that ran the command and the user it created, and whether this was legitimate activity on the device.",
                    "If not, remove the user and escalate the alert to the information security team."));
    private static final Pattern USERADD = Pattern.compile("\\b(useradd|adduser)\\b");
    private static final List<Pattern> SUSPICIOUS = List.of(
            Pattern.compile("\\s(-u|--uid)\\s*0(\\s|$)"),
            Pattern.compile("\\s(-o|--non-unique)(\\s|$)"),
            Pattern.compile("\\s(-g|--gid)\\s*(0|root)(\\s|$)"),
            Pattern.compile("\\s(-G|--groups)\\s*\\S*\\b(root|sudo|wheel|admin)\\b"));

    SuspiciousUseraddDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        String text = commandText(process);
        return USERADD.matcher(text).find() && anyFinds(SUSPICIOUS, text);
    }
}
