package dev.vigil.server.console.iot;

import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * An IoT hub's page: security monitoring (Defender for IoT) with its switch, the hub's device
 * security groups and their custom alert rules, and links to its devices and alerts.
 *
 * @param monitoringAction turns monitoring off when it is on, on when it is off: the state the button names
 * @param newGroupError why the name typed for a new device security group was refused
 * @param message what the last change did
 */
public record HubPage(Shell shell, String overviewHref, String subscription, String resourceGroup, String name, String hostName,
        boolean monitoring, String workspace, String monitoringAction, int devices, String devicesHref, String alertsHref,
        List<GroupRow> groups, String newGroupAction, String newGroupName, Optional<String> newGroupError, Permit permit,
        Optional<String> message) {

    /** @param devices how many of the hub's devices the group's rules apply to (twin tag {@code SecurityGroup}) */
    public record GroupRow(String name, String href, String rules, long devices) {
    }
}
