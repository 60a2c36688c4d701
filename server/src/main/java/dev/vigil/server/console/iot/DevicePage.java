package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A device's page: state, connection, last seen and message counts, its security group, the actions
 * (enable or disable, regenerate a key, delete) and its IoT alerts with their status changes.
 *
 * @param groupHref the security group's page, when the hub has a group of that name
 * @param newKeys the keys after a regeneration, shown in that answer only
 */
public record DevicePage(Shell shell, String overviewHref, String hubHref, String devicesHref, String hub, String id, boolean enabled,
        boolean connected, String lastSeen, long messages, long securityMessages, long droppedSecurityMessages, String securityGroup,
        Optional<String> groupHref, String hostName, String statusAction, String regeneratePrimaryAction, String regenerateSecondaryAction,
        String deleteAction, Optional<NewDeviceKeys> newKeys, List<AlertRow> alerts, boolean moreAlerts, String alertsHref, Permit permit,
        Optional<String> message) {
}
