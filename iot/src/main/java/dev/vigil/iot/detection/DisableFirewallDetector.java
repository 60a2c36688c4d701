package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The firewall is switched off: a command that stops or flushes it, or a
 * {@code FirewallConfiguration} snapshot without an enabled Deny rule after one that had them.
 */
final class DisableFirewallDetector implements Detector {
    static final AlertDefinition DEFINITION = new AlertDefinition("IoT_DisableFirewall", "Disable firewall", AlertSeverity.HIGH,
            "A possible manipulation of the on-host firewall was detected. Attackers often disable the firewall to exfiltrate data.",
            List.of("Review with the user that ran the command whether this was legitimate, expected activity on the device.",
                    "If not, re-enable the firewall and escalate the alert to the information security team."));
    private static final List<Pattern> COMMANDS = List.of(
            Pattern.compile("\\bufw\\s+disable\\b"),
            Pattern.compile("\\b(systemctl|service)\\s+(stop|disable|mask)\\s+(firewalld|ufw|iptables|ip6tables|nftables)\\b"),
            Pattern.compile("\\bservice\\s+(firewalld|ufw|iptables|ip6tables)\\s+stop\\b"),
            Pattern.compile("\\b(iptables|ip6tables)\\b.*\\s(-F|--flush)(\\s|$)"),
            Pattern.compile("\\b(iptables|ip6tables)\\b.*\\s(-P|--policy)\\s+(INPUT|FORWARD|OUTPUT)\\s+ACCEPT\\b"),
            Pattern.compile("\\bnft\\s+flush\\s+ruleset\\b"));

    /** Whether the last snapshot had an enabled Deny rule; null before the first. */
    private static final class State {
        Boolean protecting;
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(DEFINITION);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (event.name().equals("ProcessCreate")) {
            for (int index = 0; index < event.payload().size(); index++) {
                ProcessEvidence process = ProcessEvidence.of(new PayloadItem(event.payload().get(index)));
                if (CommandLineDetector.anyFinds(COMMANDS, CommandLineDetector.commandText(process))) {
                    device.raise(DEFINITION, event.timestampUtc(), event.id() + "#" + index, process.extendedProperties(),
                            process.entities());
                }
            }
        } else if (event.name().equals("FirewallConfiguration") && !event.isEmpty()) {
            State state = device.state(this, State::new);
            boolean protecting = event.payload().stream().map(PayloadItem::new)
                    .anyMatch(rule -> rule.flag("Enabled") && rule.text("Action").equalsIgnoreCase("Deny"));
            if (Boolean.TRUE.equals(state.protecting) && !protecting) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("Firewall Rules", Integer.toString(event.payload().size()));
                properties.put("Enabled Deny Rules", "0");
                device.raise(DEFINITION, event.timestampUtc(), event.id(), properties, List.of());
            }
            state.protecting = protecting;
        }
    }
}
