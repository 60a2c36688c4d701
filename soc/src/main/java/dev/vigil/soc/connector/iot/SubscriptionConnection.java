package dev.vigil.soc.connector.iot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is stored about one subscription and one workspace: every period in which they were
 * connected, oldest first, and whether incidents are to be created from the alerts.
 */
public record SubscriptionConnection(String workspaceId, String subscriptionId, boolean createIncidents, List<ConnectedPeriod> periods) {
    public SubscriptionConnection {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        periods = List.copyOf(periods);
    }

    public boolean connected() {
        return current().isPresent();
    }

    /** The open period, if the subscription is connected now. */
    public Optional<ConnectedPeriod> current() {
        return periods.isEmpty() || !periods.get(periods.size() - 1).ongoing() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
    }

    /** Whether the version with this sequence was made while connected. */
    public boolean covers(long sequence) {
        return periods.stream().anyMatch(period -> period.covers(sequence));
    }

    /** Whether some version after {@code sequence} may still be streamed for this connection. */
    boolean coversAnyAfter(long sequence) {
        return periods.stream().anyMatch(period -> period.coversAnyAfter(sequence));
    }

    /** The first position after {@code sequence} worth reading, i.e. the start of the first period not yet passed. */
    long firstStartAfter(long sequence) {
        return periods.stream().filter(period -> period.coversAnyAfter(sequence)).mapToLong(ConnectedPeriod::afterSequence).min()
                .orElse(Long.MAX_VALUE);
    }

    SubscriptionConnection withPeriod(ConnectedPeriod period, boolean incidents) {
        List<ConnectedPeriod> all = new ArrayList<>(periods);
        all.add(period);
        return new SubscriptionConnection(workspaceId, subscriptionId, incidents, all);
    }

    SubscriptionConnection withCreateIncidents(boolean incidents) {
        return new SubscriptionConnection(workspaceId, subscriptionId, incidents, periods);
    }

    SubscriptionConnection closedAt(long sequence, Instant at) {
        List<ConnectedPeriod> all = new ArrayList<>(periods);
        all.set(all.size() - 1, all.get(all.size() - 1).closedAt(sequence, at));
        return new SubscriptionConnection(workspaceId, subscriptionId, createIncidents, all);
    }
}
