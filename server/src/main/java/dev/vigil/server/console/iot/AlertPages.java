package dev.vigil.server.console.iot;

import dev.vigil.iot.alert.AlertPage;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.server.access.Scope;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * IoT alerts: a subscription's alerts newest first, filtered by status, severity, hub and device, a
 * page at a time, each with the status changes its lifecycle allows (Contributor on the subscription).
 */
public final class AlertPages {
    static final int PAGE_SIZE = 50;
    private static final List<String> SEVERITIES = Arrays.stream(AlertSeverity.values()).map(AlertSeverity::sentinelName).toList();
    private static final List<String> FILTERS = List.of("subscription", "status", "severity", "hub", "device");

    private final IotRegistry registry;
    private final IotAlerts alerts;
    private final AlertRows rows;

    public AlertPages(ConsoleServices services) {
        this.registry = services.iotRegistry();
        this.alerts = services.iotAlerts();
        this.rows = new AlertRows(registry, alerts);
    }

    public void register(ConsoleRouter router) {
        router.get(IotPaths.ALERTS, request -> list(router, request, Optional.empty()));
        router.post(IotPaths.ALERTS + "/{alert}/status/{status}", request -> list(router, request, Optional.of(rows.changeStatus(request))));
    }

    private void list(ConsoleRouter router, ConsoleRequest request, Optional<String> message) {
        String workspace = request.workspace();
        List<String> subscriptions = registry.subscriptions().stream().map(Subscription::subscriptionId)
                .filter(id -> request.user().canSee(Scope.subscription(id))).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            filters.put(name, Optional.ofNullable(request.ctx().queryParam(name)).map(String::strip).orElse(""));
        }
        String subscription = subscriptions.contains(filters.get("subscription")) ? filters.get("subscription") : subscriptions.isEmpty() ? "" : subscriptions.get(0);
        filters.put("subscription", subscription);
        filters.put("status", AlertRows.STATUSES.contains(filters.get("status")) ? filters.get("status") : "");
        filters.put("severity", SEVERITIES.contains(filters.get("severity")) ? filters.get("severity") : "");
        String query = "?" + filters.entrySet().stream().map(e -> e.getKey() + "=" + ConsolePaths.encode(e.getValue())).collect(Collectors.joining("&"));
        String base = IotPaths.alerts(workspace);
        List<AlertRow> shown = List.of();
        Optional<String> next = Optional.empty();
        Optional<String> after = Optional.ofNullable(request.ctx().queryParam("after"));
        if (!subscription.isEmpty()) {
            AlertPage page;
            try {
                page = alerts.page(subscription, matches(filters), PAGE_SIZE, after);
            } catch (IllegalArgumentException e) {
                // a position from another subscription's list: start at the top
                after = Optional.empty();
                page = alerts.page(subscription, matches(filters), PAGE_SIZE, Optional.empty());
            }
            shown = page.alerts().stream().map(alert -> rows.row(workspace, alert, base, query)).toList();
            next = page.next().map(token -> base + query + "&after=" + ConsolePaths.encode(token));
        }
        Permit permit = subscription.isEmpty() ? Permit.refused("You hold a role on no IoT subscription.") : IotRequests.changePermit(request, subscription);
        router.templates().render(request.ctx(), "iot/alerts.jte", new AlertListPage(request.shell(Area.IOT, "IoT alerts"), IotPaths.overview(workspace),
                base, subscriptions, subscription, AlertRows.STATUSES, filters.get("status"), SEVERITIES, filters.get("severity"), filters.get("hub"),
                filters.get("device"), shown, after.isPresent() ? Optional.of(base + query) : Optional.empty(), next, permit, message));
    }

    private static Predicate<IotAlert> matches(Map<String, String> filters) {
        String status = filters.get("status");
        String severity = filters.get("severity");
        String hub = filters.get("hub");
        String device = filters.get("device");
        return alert -> (status.isEmpty() || alert.status().sentinelName().equals(status))
                && (severity.isEmpty() || alert.severity().sentinelName().equals(severity))
                && (hub.isEmpty() || AlertRows.hubName(alert).equalsIgnoreCase(hub))
                && (device.isEmpty() || alert.deviceId().equals(device));
    }
}
