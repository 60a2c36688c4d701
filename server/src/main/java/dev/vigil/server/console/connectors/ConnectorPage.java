package dev.vigil.server.console.connectors;

import dev.vigil.server.console.layout.Shell;
import java.util.List;
import java.util.Optional;

/**
 * A connector's page: what it is, whether the signed-in user meets each prerequisite, and, for
 * Defender for IoT, its subscriptions and the Create incidents option.
 */
public record ConnectorPage(Shell shell, ConnectorSummary connector, List<Prerequisite> prerequisites, Optional<IotConfiguration> iot,
        String galleryHref, String logsHref) {

    /** A prerequisite, checked for the signed-in user. */
    public record Prerequisite(String label, boolean met, String detail) {
    }

    /** The Defender for IoT connector's configuration: its subscriptions (refreshed live) and incident creation. */
    public record IotConfiguration(SubscriptionList subscriptions, IncidentCreation incidentCreation, String eventsHref, String iotHref) {
    }
}
