package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** A shell wired to a network socket: {@code /dev/tcp}, netcat with {@code -e}, socat exec, scripted sockets, fifo relays. */
final class ReverseShellDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_ReverseShell", "Reverse shells", AlertSeverity.HIGH,
            "A reverse shell was detected: a shell on the device whose input and output go to a remote machine, a common way"
                    + " for an attacker to control a compromised device.",
            List.of("Review with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team and isolate the device."));
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("/dev/(tcp|udp)/"),
            Pattern.compile("\\b(nc|ncat|netcat)\\b.*\\s-[A-Za-z]*[ec]\\s*\\S*\\b(sh|bash|dash|zsh|ash)\\b"),
            Pattern.compile("\\bsocat\\b.*\\bexec:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("pty\\.spawn\\("),
            Pattern.compile("socket\\.socket\\(.*\\.connect\\("),
            Pattern.compile("\\bmkfifo\\b.*\\|\\s*(nc|ncat|netcat|telnet)\\b"));

    ReverseShellDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return anyFinds(PATTERNS, commandText(process));
    }
}
