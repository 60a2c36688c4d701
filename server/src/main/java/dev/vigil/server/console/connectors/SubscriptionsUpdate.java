package dev.vigil.server.console.connectors;

import java.util.Optional;

/**
 * What a change to the subscriptions re-renders on the connector page: the list, and beside it
 * (swapped out of band) the connector's status and, after Connect or Disconnect, the Create
 * incidents section, whose Enable depends on a subscription being connected.
 */
public record SubscriptionsUpdate(SubscriptionList list, String status, Optional<IncidentCreation> incidentCreation) {
}
