package dev.vigil.server.console.connectors;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.console.ConsoleUser;
import dev.vigil.server.console.Permit;
import dev.vigil.server.console.analytics.AnalyticsPages;
import dev.vigil.server.console.iot.IotPages;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.iot.SubscriptionState;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.store.AlertRules;
import dev.vigil.soc.rule.template.AlertRuleTemplates;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the Defender for IoT connector's view models for one user and workspace. */
final class IotConnectorViews {
    private final DefenderForIotConnector connector;
    private final AlertRules rules;

    IotConnectorViews(DefenderForIotConnector connector, AlertRules rules) {
        this.connector = connector;
        this.rules = rules;
    }

    /** The subscriptions the user holds a role on, as the API lists them. */
    List<SubscriptionState> subscriptions(String workspace, ConsoleUser user) {
        return connector.subscriptions(workspace, id -> user.canSee(Scope.subscription(id)));
    }

    /** Connecting or disconnecting needs Contributor on the workspace and on the subscription, as the API's route checks. */
    static Permit changePermit(ConsoleUser user, String workspace, String subscription) {
        return user.permit(Scope.workspace(workspace), Role.CONTRIBUTOR).and(user.permit(Scope.subscription(subscription), Role.CONTRIBUTOR));
    }

    /**
     * @param subscriptions as {@link #subscriptions} found them for this request (read once per request)
     * @param errors per subscription id, what the user's last attempt on it ran into
     */
    SubscriptionList subscriptionList(String workspace, ConsoleUser user, List<SubscriptionState> subscriptions, Map<String, String> errors) {
        List<SubscriptionList.Row> rows = subscriptions.stream().map(s -> new SubscriptionList.Row(s.subscriptionId(),
                s.displayName() == null || s.displayName().isBlank() ? s.subscriptionId() : s.displayName(), s.hubs().size(), s.monitoredHubCount(),
                s.connected(), s.connectedSince().map(DisplayTime::format).orElse(""), changePermit(user, workspace, s.subscriptionId()),
                Optional.ofNullable(errors.get(s.subscriptionId())), ConnectorPages.subscriptionAction(workspace, s.subscriptionId(), "connect"),
                ConnectorPages.subscriptionAction(workspace, s.subscriptionId(), "disconnect"))).toList();
        return new SubscriptionList(rows, IotPages.href(workspace));
    }

    /**
     * The list with the connector's status and, when {@code withIncidentCreation}, the Create
     * incidents section, for a response or an event that changes them all.
     */
    SubscriptionsUpdate update(String workspace, ConsoleUser user, Map<String, String> errors, boolean withIncidentCreation) {
        List<SubscriptionState> subscriptions = subscriptions(workspace, user);
        return new SubscriptionsUpdate(subscriptionList(workspace, user, subscriptions, errors), connector.status(workspace).displayName(),
                withIncidentCreation ? Optional.of(incidentCreation(workspace, user, subscriptions, Optional.empty())) : Optional.empty());
    }

    /** The workspace's rule made from the Defender for IoT incident creation template, if it was made. */
    Optional<AlertRule> incidentRule(String workspace) {
        return rules.list(workspace).stream()
                .filter(rule -> rule.properties().alertRuleTemplateName().filter(AlertRuleTemplates.IOT_INCIDENT_CREATION::equalsIgnoreCase).isPresent())
                .findFirst();
    }

    boolean createsIncidents(String workspace) {
        return incidentRule(workspace).map(AlertRule::enabled).orElse(false);
    }

    IncidentCreation incidentCreation(String workspace, ConsoleUser user, List<SubscriptionState> subscriptions, Optional<String> message) {
        Optional<AlertRule> rule = incidentRule(workspace);
        Permit permit = user.permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
        if (permit.allowed() && subscriptions.stream().noneMatch(SubscriptionState::connected)) {
            permit = Permit.refused("Connect a subscription first: incidents are made from the alerts of connected subscriptions.");
        }
        return new IncidentCreation(rule.map(AlertRule::enabled).orElse(false), rule.map(AlertRule::displayName),
                rule.map(r -> AnalyticsPages.ruleHref(workspace, r.id())), permit, message,
                ConnectorPages.incidentCreationAction(workspace, "enable"), ConnectorPages.incidentCreationAction(workspace, "disable"));
    }
}
