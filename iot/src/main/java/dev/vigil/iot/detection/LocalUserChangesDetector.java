package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.message.SecurityEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes between consecutive {@code LocalUsers} snapshots of a device: users added or deleted,
 * users added to or removed from groups. The first snapshot is the baseline and raises nothing;
 * an empty snapshot says nothing and is skipped.
 */
final class LocalUserChangesDetector implements Detector {
    private static final List<String> REVIEW = List.of(
            "Verify with the device's administrators whether the change was expected.",
            "If not, revert it and escalate the alert to the information security team.");
    static final AlertDefinition ADDED = new AlertDefinition("IoT_LocalUserAdded", "Local user added", AlertSeverity.LOW,
            "A local user was added to the device.", REVIEW);
    static final AlertDefinition DELETED = new AlertDefinition("IoT_LocalUserDeleted", "Local user deletion detected",
            AlertSeverity.LOW, "A local user was deleted from the device.", REVIEW);
    static final AlertDefinition ADDED_TO_GROUPS = new AlertDefinition("IoT_LocalUserAddedToGroups",
            "Local user added to one or more groups", AlertSeverity.LOW,
            "A local user was added to one or more groups on the device.", REVIEW);
    static final AlertDefinition DELETED_FROM_GROUPS = new AlertDefinition("IoT_LocalUserDeletedFromGroups",
            "Local user deleted from one or more groups", AlertSeverity.LOW,
            "A local user was removed from one or more groups on the device.", REVIEW);

    private record LocalUser(String userName, String userId, Set<String> groups) {
    }

    private static final class State {
        Map<String, LocalUser> users;
    }

    @Override
    public List<AlertDefinition> definitions() {
        return List.of(ADDED, DELETED, ADDED_TO_GROUPS, DELETED_FROM_GROUPS);
    }

    @Override
    public void onSecurityEvent(DeviceContext device, SecurityEvent event) {
        if (!event.name().equals("LocalUsers") || event.isEmpty() || event.payload().isEmpty()) {
            return;
        }
        Map<String, LocalUser> current = new LinkedHashMap<>();
        for (Map<String, Object> fields : event.payload()) {
            PayloadItem item = new PayloadItem(fields);
            Set<String> groups = Arrays.stream(item.text("GroupNames").split("[;,]")).map(String::trim)
                    .filter(group -> !group.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
            current.put(item.text("UserName"), new LocalUser(item.text("UserName"), item.text("UserId"), groups));
        }
        State state = device.state(this, State::new);
        Map<String, LocalUser> previous = state.users;
        state.users = current;
        if (previous == null) {
            return;
        }
        for (LocalUser user : current.values()) {
            LocalUser before = previous.get(user.userName());
            if (before == null) {
                raise(device, ADDED, event, user, user.groups());
                continue;
            }
            Set<String> joined = difference(user.groups(), before.groups());
            if (!joined.isEmpty()) {
                raise(device, ADDED_TO_GROUPS, event, user, joined);
            }
            Set<String> left = difference(before.groups(), user.groups());
            if (!left.isEmpty()) {
                raise(device, DELETED_FROM_GROUPS, event, user, left);
            }
        }
        for (LocalUser before : previous.values()) {
            if (!current.containsKey(before.userName())) {
                raise(device, DELETED, event, before, before.groups());
            }
        }
    }

    private static Set<String> difference(Set<String> these, Set<String> without) {
        Set<String> out = new LinkedHashSet<>(these);
        out.removeAll(without);
        return out;
    }

    private static void raise(DeviceContext device, AlertDefinition definition, SecurityEvent event, LocalUser user, Set<String> groups) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("User Name", user.userName());
        properties.put("User Id", user.userId());
        properties.put("Groups", JsonText.array(groups));
        device.raise(definition, event.timestampUtc(), event.id() + "#" + definition.alertType() + "#" + user.userName(),
                properties, List.of(AlertEntity.account(user.userName())));
    }
}
