package dev.vigil.soc.connector.iot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription as the Defender for IoT connector page of a workspace shows it.
 *
 * @param createIncidents the flag stored with the connection; empty when never connected
 * @param connectedSince when the current connection began; empty when not connected
 */
public record SubscriptionState(
        String subscriptionId,
        String displayName,
        boolean connected,
        Optional<Boolean> createIncidents,
        Optional<Instant> connectedSince,
        List<HubMonitoring> hubs) {

    public SubscriptionState {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(createIncidents, "createIncidents");
        Objects.requireNonNull(connectedSince, "connectedSince");
        hubs = List.copyOf(hubs);
    }

    /** How many of its hubs have security monitoring on. */
    public long monitoredHubCount() {
        return hubs.stream().filter(HubMonitoring::monitoringEnabled).count();
    }
}
