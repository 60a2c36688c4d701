package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import java.util.List;
import java.util.regex.Pattern;

/** SSH tunnels ({@code -L}, {@code -R}, {@code -D}), NAT redirects, IP forwarding turned on, socat relays. */
final class PortForwardingDetector extends CommandLineDetector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_PortForwarding", "Port forwarding detection", AlertSeverity.HIGH,
            "Initiation of port forwarding to an external IP address was detected.",
            List.of("Review with the user that ran the command whether this was legitimate activity on the device.",
                    "If not, escalate the alert to the information security team."));
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bssh\\b.*\\s-[A-Za-z]*[LRD]\\s*\\S"),
            Pattern.compile("\\biptables\\b.*-j\\s+(DNAT|REDIRECT)\\b"),
            Pattern.compile("net\\.ipv4\\.ip_forward\\s*=\\s*1"),
            Pattern.compile("\\becho\\s+1\\s*>\\s*/proc/sys/net/ipv4/ip_forward"),
            Pattern.compile("\\bsocat\\b.*TCP[46]?-LISTEN.*TCP[46]?:", Pattern.CASE_INSENSITIVE));

    PortForwardingDetector() {
        super(DEFINITION);
    }

    @Override
    boolean matches(ProcessEvidence process) {
        return anyFinds(PATTERNS, commandText(process));
    }
}
