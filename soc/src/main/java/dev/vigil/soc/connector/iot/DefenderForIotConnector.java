package dev.vigil.soc.connector.iot;

import dev.vigil.iot.alert.AlertFeed;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.soc.connector.ConnectionStatus;
import dev.vigil.soc.connector.DataConnector;
import dev.vigil.soc.connector.DataType;
import dev.vigil.soc.connector.DefenderNotEnabledException;
import dev.vigil.soc.connector.RequiredPermission;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The Microsoft Defender for IoT connector (id {@code IoT}): which subscriptions are connected to
 * a workspace, connect and disconnect. Connecting needs a hub with security monitoring on in the
 * subscription; the caller's roles are checked by the HTTP layer before any of this is called.
 * {@link SecurityAlertStreamer} moves the alerts.
 */
public final class DefenderForIotConnector implements DataConnector {
    public static final String ID = "IoT";
    /** The {@code ProductName} of its {@code SecurityAlert} rows, and the incident rule's {@code productFilter}. */
    public static final String PRODUCT_NAME = "Azure Security Center for IoT";
    public static final String DATA_TYPE = "SecurityAlert (ASC for IoT)";
    public static final String LAST_DATA_RECEIVED_QUERY =
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize Time = max(TimeGenerated) | where isnotempty(Time)";

    private final IotRegistry registry;
    private final LogStore logStore;
    private final AlertFeed feed;
    private final IotConnections connections;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    public DefenderForIotConnector(IotRegistry registry, LogStore logStore, StateStore state, AlertFeed feed, Clock clock) {
        this.registry = registry;
        this.logStore = logStore;
        this.feed = feed;
        this.connections = new IotConnections(state, feed, clock);
    }

    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Microsoft Defender for IoT";
    }

    @Override
    public String publisher() {
        return "Microsoft";
    }

    @Override
    public String description() {
        return "Streams the alerts that Defender for IoT raises on your IoT hubs into the SecurityAlert table, one row each time an "
                + "alert is raised or changes, so that you can query them, chart alert trends by severity and type, and create "
                + "incidents from them. Connect each subscription whose hubs' alerts you want.";
    }

    @Override
    public List<String> prerequisites() {
        return List.of("Defender for IoT (security monitoring) turned on for at least one IoT hub of the subscription to connect");
    }

    @Override
    public List<RequiredPermission> permissions() {
        return List.of(
                new RequiredPermission("Workspace", "Contributor", "read and write permissions on the workspace"),
                new RequiredPermission("Subscription", "Contributor", "Contributor on the subscription of your IoT hubs"));
    }

    @Override
    public List<DataType> dataTypes(String workspaceId) {
        return List.of(new DataType(DATA_TYPE, LAST_DATA_RECEIVED_QUERY));
    }

    /** Connected while at least one subscription is. */
    @Override
    public ConnectionStatus status(String workspaceId) {
        return connections.of(workspaceId).stream().anyMatch(SubscriptionConnection::connected)
                ? ConnectionStatus.CONNECTED : ConnectionStatus.DISCONNECTED;
    }

    /** The subscriptions that pass {@code visible} (those the caller holds a role on), ordered by id. */
    public List<SubscriptionState> subscriptions(String workspaceId, Predicate<String> visible) {
        requireWorkspace(workspaceId);
        return registry.subscriptions().stream().filter(subscription -> visible.test(subscription.subscriptionId()))
                .map(subscription -> state(workspaceId, subscription)).toList();
    }

    public SubscriptionState subscription(String workspaceId, String subscriptionId) {
        requireWorkspace(workspaceId);
        return state(workspaceId, registry.subscription(subscriptionId));
    }

    /**
     * Connects the subscription to the workspace, or, when it is connected already, only stores
     * {@code createIncidents}. A subscription that is not connected yet needs a hub with
     * security monitoring on.
     *
     * @throws DefenderNotEnabledException when no hub of the subscription has monitoring on
     */
    public ConnectOutcome connect(String workspaceId, String subscriptionId, boolean createIncidents) {
        requireWorkspace(workspaceId);
        Subscription subscription = registry.subscription(subscriptionId);
        boolean connected = connections.find(workspaceId, subscriptionId).map(SubscriptionConnection::connected).orElse(false);
        if (!connected) {
            List<IotHub> hubs = hubsOf(subscriptionId);
            if (hubs.stream().noneMatch(hub -> hub.security().monitoringEnabled())) {
                throw new DefenderNotEnabledException(subscriptionId, hubs.size());
            }
        }
        IotConnections.Change change = connections.connect(workspaceId, subscriptionId, createIncidents);
        listeners.forEach(listener -> listener.connected(workspaceId, subscriptionId, createIncidents));
        return new ConnectOutcome(state(workspaceId, subscription), change == IotConnections.Change.CONNECTED);
    }

    /**
     * Disconnects the subscription: versions of its alerts made from now on are not streamed.
     *
     * @return whether it was connected
     */
    public boolean disconnect(String workspaceId, String subscriptionId) {
        requireWorkspace(workspaceId);
        registry.subscription(subscriptionId);
        Optional<SubscriptionConnection> closed = connections.disconnect(workspaceId, subscriptionId);
        closed.ifPresent(connection -> listeners.forEach(listener ->
                listener.disconnected(workspaceId, subscriptionId, connection.createIncidents())));
        return closed.isPresent();
    }

    IotConnections connections() {
        return connections;
    }

    AlertFeed feed() {
        return feed;
    }

    private SubscriptionState state(String workspaceId, Subscription subscription) {
        Optional<SubscriptionConnection> connection = connections.find(workspaceId, subscription.subscriptionId());
        List<HubMonitoring> hubs = hubsOf(subscription.subscriptionId()).stream()
                .map(hub -> new HubMonitoring(hub.name(), hub.resourceGroup(), hub.resourceId(), hub.security().monitoringEnabled()))
                .toList();
        return new SubscriptionState(subscription.subscriptionId(), subscription.displayName(),
                connection.map(SubscriptionConnection::connected).orElse(false),
                connection.map(SubscriptionConnection::createIncidents),
                connection.flatMap(SubscriptionConnection::current).map(ConnectedPeriod::connectedAt),
                hubs);
    }

    private List<IotHub> hubsOf(String subscriptionId) {
        return registry.allHubs().stream().filter(hub -> hub.subscriptionId().equals(subscriptionId)).toList();
    }

    private void requireWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }
}
