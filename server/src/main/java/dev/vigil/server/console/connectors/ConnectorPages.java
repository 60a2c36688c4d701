package dev.vigil.server.console.connectors;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import dev.vigil.server.console.ConsoleServices;
import dev.vigil.server.console.ConsoleUser;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.layout.Area;
import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.server.console.logs.LogsPages;
import dev.vigil.soc.connector.ConnectionStatus;
import dev.vigil.soc.connector.ConnectorDetails;
import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.soc.connector.DefenderNotEnabledException;
import dev.vigil.soc.connector.RequiredPermission;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.iot.SubscriptionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Data connectors: the gallery with its side pane, each connector's page, and the Defender for
 * IoT connector's actions (Connect and Disconnect per subscription, Create incidents).
 */
public final class ConnectorPages {
    private static final String GALLERY = ConsolePaths.WORKSPACE + "/connectors";
    private static final String CONNECTOR = GALLERY + "/{connector}";
    private static final String IOT = GALLERY + "/" + DefenderForIotConnector.ID;
    private static final List<String> STATUSES = List.of(ConnectionStatus.CONNECTED.displayName(), ConnectionStatus.DISCONNECTED.displayName());

    private final DataConnectors connectors;
    private final DefenderForIotConnector iot;
    private final IotConnectorViews iotViews;
    private final SubscriptionEvents events;

    public ConnectorPages(ConsoleServices services) {
        this.connectors = services.connectors();
        this.iot = services.iotConnector();
        this.iotViews = new IotConnectorViews(services.iotConnector(), services.rules());
        this.events = new SubscriptionEvents(iotViews);
    }

    public static String href(String workspace, String connectorId) {
        return ConsolePaths.workspace(workspace) + "/connectors/" + ConsolePaths.encode(connectorId);
    }

    static String subscriptionAction(String workspace, String subscription, String verb) {
        return href(workspace, DefenderForIotConnector.ID) + "/subscriptions/" + ConsolePaths.encode(subscription) + "/" + verb;
    }

    static String incidentCreationAction(String workspace, String verb) {
        return href(workspace, DefenderForIotConnector.ID) + "/create-incidents/" + verb;
    }

    public void register(ConsoleRouter router) {
        router.get(GALLERY, request -> gallery(router, request));
        router.get(CONNECTOR, request -> connectorPage(router, request));
        router.post(IOT + "/subscriptions/{subscription}/connect", request -> changeSubscription(router, request, true));
        router.post(IOT + "/subscriptions/{subscription}/disconnect", request -> changeSubscription(router, request, false));
        router.post(IOT + "/create-incidents/enable", request -> setIncidentCreation(router, request, true));
        router.post(IOT + "/create-incidents/disable", request -> setIncidentCreation(router, request, false));
        router.routes().sse(IOT + "/events", client -> events.stream(router, client));
    }

    private void gallery(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        String search = Optional.ofNullable(request.ctx().queryParam("search")).orElse("").strip();
        String status = Optional.ofNullable(request.ctx().queryParam("status")).filter(STATUSES::contains).orElse("");
        String selectedId = Optional.ofNullable(request.ctx().queryParam("selected")).orElse("");
        List<ConnectorDetails> all = connectors.list(workspace);
        List<GalleryPage.Row> rows = all.stream()
                .filter(c -> status.isEmpty() || c.status().displayName().equals(status))
                .filter(c -> matches(c, search))
                .map(c -> new GalleryPage.Row(c.id(), c.title(), c.publisher(), c.status().displayName(), lastData(c),
                        String.join(", ", c.dataTypes().stream().map(d -> d.dataType().name()).toList()),
                        galleryHref(workspace, search, status, c.id()), c.id().equalsIgnoreCase(selectedId)))
                .toList();
        Optional<ConnectorSummary> selected = all.stream().filter(c -> c.id().equalsIgnoreCase(selectedId)).findFirst()
                .map(c -> summary(workspace, c));
        long connected = all.stream().filter(c -> c.status() == ConnectionStatus.CONNECTED).count();
        router.templates().render(request.ctx(), "connectors/gallery.jte", new GalleryPage(request.shell(Area.DATA_CONNECTORS, "Data connectors"),
                search, status, STATUSES, rows, all.size(), connected, selected, ConsolePaths.workspace(workspace) + "/connectors"));
    }

    private static boolean matches(ConnectorDetails connector, String search) {
        if (search.isEmpty()) {
            return true;
        }
        String needle = search.toLowerCase(Locale.ROOT);
        return connector.title().toLowerCase(Locale.ROOT).contains(needle) || connector.publisher().toLowerCase(Locale.ROOT).contains(needle)
                || connector.dataTypes().stream().anyMatch(d -> d.dataType().name().toLowerCase(Locale.ROOT).contains(needle));
    }

    private static String galleryHref(String workspace, String search, String status, String selected) {
        StringBuilder href = new StringBuilder(ConsolePaths.workspace(workspace)).append("/connectors?selected=").append(ConsolePaths.encode(selected));
        if (!search.isEmpty()) {
            href.append("&search=").append(ConsolePaths.encode(search));
        }
        if (!status.isEmpty()) {
            href.append("&status=").append(ConsolePaths.encode(status));
        }
        return href.toString();
    }

    private static String lastData(ConnectorDetails connector) {
        return connector.lastDataReceived().map(DisplayTime::format).orElse("No data yet");
    }

    private static ConnectorSummary summary(String workspace, ConnectorDetails c) {
        return new ConnectorSummary(c.id(), c.title(), c.publisher(), c.description(), c.status().displayName(), lastData(c),
                c.dataTypes().stream().map(d -> new ConnectorSummary.DataTypeRow(d.dataType().name(),
                        d.lastDataReceived().map(DisplayTime::format).orElse("No data yet"))).toList(),
                href(workspace, c.id()));
    }

    private void connectorPage(ConsoleRouter router, ConsoleRequest request) {
        String workspace = request.workspace();
        ConnectorDetails details = connectors.get(workspace, request.ctx().pathParam("connector"));
        ConsoleUser user = request.user();
        boolean isIot = details.id().equals(DefenderForIotConnector.ID);
        List<SubscriptionState> subscriptions = isIot ? iotViews.subscriptions(workspace, user) : List.of();
        List<ConnectorPage.Prerequisite> prerequisites = new ArrayList<>();
        for (RequiredPermission permission : details.permissions()) {
            prerequisites.add(prerequisite(workspace, user, permission, subscriptions));
        }
        Optional<ConnectorPage.IotConfiguration> configuration = Optional.empty();
        if (isIot) {
            long monitored = subscriptions.stream().mapToLong(SubscriptionState::monitoredHubCount).sum();
            prerequisites.add(new ConnectorPage.Prerequisite("Defender for IoT turned on for at least one IoT hub", monitored > 0,
                    monitored > 0 ? monitored + " hub" + (monitored == 1 ? " has" : "s have") + " security monitoring on."
                            : "No IoT hub of your subscriptions has security monitoring on; turn it on under IoT."));
            configuration = Optional.of(new ConnectorPage.IotConfiguration(iotViews.subscriptionList(workspace, user, subscriptions, Map.of()),
                    iotViews.incidentCreation(workspace, user, subscriptions, Optional.empty()), href(workspace, DefenderForIotConnector.ID) + "/events",
                    dev.vigil.server.console.iot.IotPages.href(workspace)));
        } else {
            for (String text : details.prerequisites()) {
                prerequisites.add(new ConnectorPage.Prerequisite(text, true, ""));
            }
        }
        String query = details.dataTypes().isEmpty() ? "" : details.dataTypes().get(0).dataType().lastDataReceivedQuery();
        router.templates().render(request.ctx(), "connectors/connector.jte", new ConnectorPage(request.shell(Area.DATA_CONNECTORS, details.title()),
                summary(workspace, details), prerequisites, configuration, ConsolePaths.workspace(workspace) + "/connectors",
                isIot ? LogsPages.href(workspace, "SecurityAlert\n| where ProductName == \"" + DefenderForIotConnector.PRODUCT_NAME + "\"")
                        : LogsPages.href(workspace, query)));
    }

    /** A role the connector needs, checked for the user: on the workspace, or on at least one of their subscriptions. */
    private static ConnectorPage.Prerequisite prerequisite(String workspace, ConsoleUser user, RequiredPermission permission,
            List<SubscriptionState> subscriptions) {
        Role role = Role.named(permission.role());
        String label = permission.description().substring(0, 1).toUpperCase(Locale.ROOT) + permission.description().substring(1);
        if (permission.scope().equalsIgnoreCase("Workspace")) {
            Permit permit = user.permit(Scope.workspace(workspace), role);
            return new ConnectorPage.Prerequisite(label, permit.allowed(), permit.allowed() ? "You have " + user.roleOn(Scope.workspace(workspace)).orElseThrow()
                    + " on workspace '" + workspace + "'." : permit.reason());
        }
        List<String> writable = subscriptions.stream().map(SubscriptionState::subscriptionId)
                .filter(id -> user.permit(Scope.subscription(id), role).allowed()).toList();
        return new ConnectorPage.Prerequisite(label, !writable.isEmpty(), writable.isEmpty()
                ? "You hold " + role + " on none of your subscriptions." : "You have " + role + " or more on " + String.join(", ", writable) + ".");
    }

    private void changeSubscription(ConsoleRouter router, ConsoleRequest request, boolean connect) {
        String workspace = request.workspace();
        String subscription = request.ctx().pathParam("subscription");
        Map<String, String> errors = Map.of();
        Permit permit = IotConnectorViews.changePermit(request.user(), workspace, subscription);
        if (!permit.allowed()) {
            errors = Map.of(subscription, permit.reason());
        } else {
            // the API's own checks, which also name the scope in the audit trail
            Authorization.require(request.ctx(), Scope.subscription(subscription), Role.CONTRIBUTOR);
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
            AuditNotes.put(request.ctx(), "subscription", subscription);
            try {
                if (connect) {
                    // a new connection keeps the workspace's Create incidents choice as it stands
                    iot.connect(workspace, subscription, iotViews.createsIncidents(workspace));
                } else {
                    iot.disconnect(workspace, subscription);
                }
            } catch (DefenderNotEnabledException e) {
                SubscriptionState state = iot.subscription(workspace, subscription);
                errors = Map.of(subscription, "Cannot connect: no IoT hub of subscription '" + subscription + "' has Defender for IoT turned on ("
                        + (state.hubs().isEmpty() ? "it has no IoT hub" : state.hubs().size() + " hub" + (state.hubs().size() == 1 ? "" : "s")
                        + ", security monitoring off") + "). Turn on Defender for IoT for one of its hubs under IoT, then connect again.");
            }
        }
        router.templates().render(request.ctx(), "connectors/subscriptionsUpdate.jte", iotViews.update(workspace, request.user(), errors, true));
    }

    /**
     * Enable or Disable under Create incidents: stores the choice with every connected subscription
     * the user may change, as connecting with {@code createIncidents} does in the API; the
     * connector then turns the Microsoft Security rule on or off.
     */
    private void setIncidentCreation(ConsoleRouter router, ConsoleRequest request, boolean enable) {
        String workspace = request.workspace();
        ConsoleUser user = request.user();
        List<SubscriptionState> subscriptions = iotViews.subscriptions(workspace, user);
        IncidentCreation current = iotViews.incidentCreation(workspace, user, subscriptions, Optional.empty());
        Optional<String> message;
        if (!current.permit().allowed()) {
            message = Optional.of(current.permit().reason());
        } else {
            Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
            AuditNotes.put(request.ctx(), "createIncidents", enable);
            List<String> changed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (SubscriptionState subscription : subscriptions) {
                if (!subscription.connected()) {
                    continue;
                }
                if (IotConnectorViews.changePermit(user, workspace, subscription.subscriptionId()).allowed()) {
                    iot.connect(workspace, subscription.subscriptionId(), enable);
                    changed.add(subscription.subscriptionId());
                } else {
                    skipped.add(subscription.subscriptionId());
                }
            }
            message = Optional.of((enable ? "Incidents are created" : "Incidents are no longer created") + " from the alerts of "
                    + (changed.isEmpty() ? "no subscription" : String.join(", ", changed)) + "."
                    + (skipped.isEmpty() ? "" : " Not changed (needs Contributor): " + String.join(", ", skipped) + "."));
        }
        router.templates().render(request.ctx(), "connectors/incidentCreation.jte",
                iotViews.incidentCreation(workspace, user, iotViews.subscriptions(workspace, user), message));
    }
}
