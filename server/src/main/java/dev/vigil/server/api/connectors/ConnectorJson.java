package dev.vigil.server.api.connectors;

import dev.vigil.soc.connector.ConnectorDetails;
import dev.vigil.soc.connector.DataTypeStatus;
import dev.vigil.soc.connector.RequiredPermission;
import dev.vigil.soc.connector.iot.HubMonitoring;
import dev.vigil.soc.connector.iot.SubscriptionState;
import java.time.Instant;
import java.util.List;

/** A gallery entry as the API returns it; times are null when there is none. */
record ConnectorJson(
        String id,
        String title,
        String publisher,
        String description,
        List<String> prerequisites,
        List<RequiredPermission> permissions,
        List<DataTypeView> dataTypes,
        String connectionStatus,
        Instant lastDataReceived) {

    static ConnectorJson of(ConnectorDetails details) {
        return new ConnectorJson(details.id(), details.title(), details.publisher(), details.description(), details.prerequisites(),
                details.permissions(), details.dataTypes().stream().map(DataTypeView::of).toList(), details.status().displayName(),
                details.lastDataReceived().orElse(null));
    }

    record DataTypeView(String name, String lastDataReceivedQuery, Instant lastDataReceived) {
        static DataTypeView of(DataTypeStatus status) {
            return new DataTypeView(status.dataType().name(), status.dataType().lastDataReceivedQuery(), status.lastDataReceived().orElse(null));
        }
    }

    /**
     * A subscription on the Defender for IoT connector page.
     *
     * @param state {@code Connected} or {@code Disconnected}
     * @param createIncidents the flag stored with the connection; null when never connected
     */
    record SubscriptionView(
            String subscriptionId,
            String displayName,
            String state,
            Boolean createIncidents,
            Instant connectedSince,
            int hubCount,
            long monitoredHubCount,
            List<HubView> hubs) {

        static SubscriptionView of(SubscriptionState subscription) {
            return new SubscriptionView(subscription.subscriptionId(), subscription.displayName(),
                    subscription.connected() ? "Connected" : "Disconnected", subscription.createIncidents().orElse(null),
                    subscription.connectedSince().orElse(null), subscription.hubs().size(), subscription.monitoredHubCount(),
                    subscription.hubs().stream().map(HubView::of).toList());
        }
    }

    /** @param securityMonitoring {@code Enabled} or {@code Disabled}, as the hub's security solution says */
    record HubView(String name, String resourceGroup, String resourceId, String securityMonitoring) {
        static HubView of(HubMonitoring hub) {
            return new HubView(hub.name(), hub.resourceGroup(), hub.resourceId(), hub.monitoringEnabled() ? "Enabled" : "Disabled");
        }
    }
}
