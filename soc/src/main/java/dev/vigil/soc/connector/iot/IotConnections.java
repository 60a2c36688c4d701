package dev.vigil.soc.connector.iot;

import dev.vigil.iot.alert.AlertFeed;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stored connections, mirrored in memory. A connect or disconnect records the feed's last
 * sequence as the period's bound; {@link #snapshot()} reads the connections and the feed's end
 * under the same lock, so that a streamer pass never decides about a version with a view of the
 * connections older than that version's place in the feed.
 */
final class IotConnections {
    static final String COLLECTION = "soc.connector.iot.connections";

    /** The connections, and the feed position up to which they are exactly what a pass may apply. */
    record Snapshot(List<SubscriptionConnection> connections, long feedEnd) {
    }

    /** What a connect changed. */
    enum Change { CONNECTED, FLAG_CHANGED, UNCHANGED }

    private final DocumentCollection<SubscriptionConnection> store;
    private final Map<String, SubscriptionConnection> byKey = new ConcurrentHashMap<>();
    private final AlertFeed feed;
    private final Clock clock;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    IotConnections(StateStore state, AlertFeed feed, Clock clock) {
        this.store = state.collection(COLLECTION, SubscriptionConnection.class);
        this.feed = feed;
        this.clock = clock;
        store.list().forEach(connection -> byKey.put(key(connection.workspaceId(), connection.subscriptionId()), connection));
    }

    Optional<SubscriptionConnection> find(String workspaceId, String subscriptionId) {
        return Optional.ofNullable(byKey.get(key(workspaceId, subscriptionId)));
    }

    /** The connections of a workspace, ordered by subscription. */
    List<SubscriptionConnection> of(String workspaceId) {
        return byKey.values().stream().filter(connection -> connection.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(SubscriptionConnection::subscriptionId)).toList();
    }

    synchronized Change connect(String workspaceId, String subscriptionId, boolean createIncidents) {
        String key = key(workspaceId, subscriptionId);
        SubscriptionConnection existing = byKey.get(key);
        SubscriptionConnection updated;
        Change change;
        if (existing != null && existing.connected()) {
            if (existing.createIncidents() == createIncidents) {
                return Change.UNCHANGED;
            }
            updated = existing.withCreateIncidents(createIncidents);
            change = Change.FLAG_CHANGED;
        } else {
            ConnectedPeriod period = ConnectedPeriod.startingAfter(feed.lastSequence(), clock.instant());
            updated = existing == null
                    ? new SubscriptionConnection(workspaceId, subscriptionId, createIncidents, List.of(period))
                    : existing.withPeriod(period, createIncidents);
            change = Change.CONNECTED;
        }
        store.put(key, updated);
        byKey.put(key, updated);
        changeListeners.forEach(Runnable::run);
        return change;
    }

    /** Closes the open period at the feed's last sequence; the closed connection, or empty when it was not connected. */
    synchronized Optional<SubscriptionConnection> disconnect(String workspaceId, String subscriptionId) {
        String key = key(workspaceId, subscriptionId);
        SubscriptionConnection existing = byKey.get(key);
        if (existing == null || !existing.connected()) {
            return Optional.empty();
        }
        SubscriptionConnection closed = existing.closedAt(feed.lastSequence(), clock.instant());
        store.put(key, closed);
        byKey.put(key, closed);
        changeListeners.forEach(Runnable::run);
        return Optional.of(closed);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(byKey.values()), feed.lastSequence());
    }

    /** Called after every stored change, under the lock; must return at once. */
    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private static String key(String workspaceId, String subscriptionId) {
        return workspaceId + "|" + subscriptionId;
    }
}
