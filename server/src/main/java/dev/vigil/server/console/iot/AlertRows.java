package dev.vigil.server.console.iot;

import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.InvalidAlertStatusTransitionException;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsolePageException;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IoT alerts as the IoT pages list them, and their status changes, which the alert list and a
 * device's page both offer: the lifecycle's own transitions, Contributor on the alert's subscription.
 */
final class AlertRows {
    static final List<String> STATUSES = Arrays.stream(AlertStatus.values()).map(AlertStatus::sentinelName).toList();

    private final IotRegistry registry;
    private final IotAlerts alerts;

    AlertRows(IotRegistry registry, IotAlerts alerts) {
        this.registry = registry;
        this.alerts = alerts;
    }

    /**
     * @param changeBase where a status change posts: {@code {changeBase}/{alertId}/status/{Status}}
     * @param query appended to each change's path, so that the page answering it keeps its filters
     */
    AlertRow row(String workspace, IotAlert alert, String changeBase, String query) {
        Optional<IotHub> hub = registry.findHub(hubName(alert));
        Optional<String> deviceHref = hub.filter(h -> registry.findDevice(h.name(), alert.deviceId()).isPresent())
                .map(h -> IotPaths.device(workspace, h, alert.deviceId()));
        List<AlertRow.StatusChange> changes = alert.status().allowedNext().stream()
                .sorted()
                .map(next -> new AlertRow.StatusChange(label(alert.status(), next),
                        changeBase + "/" + ConsolePaths.encode(alert.alertId()) + "/status/" + next.sentinelName() + query))
                .toList();
        return new AlertRow(alert.alertId(), alert.displayName(), alert.severity().sentinelName(), alert.status().sentinelName(), alert.deviceId(),
                deviceHref, hubName(alert), DisplayTime.format(alert.startTime()), alert.count(), changes);
    }

    /** What a button that moves an alert from {@code from} to {@code to} says. */
    private static String label(AlertStatus from, AlertStatus to) {
        return switch (to) {
            case NEW -> from.isActive() ? "Back to New" : "Reopen";
            case IN_PROGRESS -> from.isActive() ? "Start" : "Reopen as In progress";
            case RESOLVED -> "Resolve";
            case DISMISSED -> "Dismiss";
        };
    }

    /**
     * Changes the status of the alert the path names, after the API's own role check; answers what it
     * did, or why the lifecycle refused it.
     */
    String changeStatus(ConsoleRequest request) {
        String alertId = request.ctx().pathParam("alert");
        IotAlert alert = alerts.get(alertId)
                .filter(a -> request.user().canSee(Scope.subscription(IotAlerts.subscriptionOf(a.hubResourceId()))))
                .orElseThrow(() -> ConsolePageException.notFound("There is no IoT alert '" + alertId + "'."));
        AlertStatus status;
        try {
            status = AlertStatus.fromSentinelName(request.ctx().pathParam("status"));
        } catch (IllegalArgumentException e) {
            throw new ConsolePageException(400, "Bad request", e.getMessage());
        }
        IotRequests.requireChange(request, IotAlerts.subscriptionOf(alert.hubResourceId()));
        AuditNotes.put(request.ctx(), "alertId", alert.alertId());
        AuditNotes.put(request.ctx(), "previousStatus", alert.status().sentinelName());
        try {
            IotAlert changed = alerts.changeStatus(alert.alertId(), status);
            AuditNotes.put(request.ctx(), "status", changed.status().sentinelName());
            return "'" + alert.displayName() + "' on device '" + alert.deviceId() + "' is " + changed.status().sentinelName() + ".";
        } catch (InvalidAlertStatusTransitionException e) {
            return e.getMessage();
        }
    }

    /** The hub's name: the last segment of its resource id. */
    static String hubName(IotAlert alert) {
        String id = alert.hubResourceId();
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
