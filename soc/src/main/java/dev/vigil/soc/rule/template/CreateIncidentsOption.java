package dev.vigil.soc.rule.template;

import dev.vigil.soc.connector.iot.ConnectionListener;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.iot.SubscriptionState;

/**
 * The Defender for IoT connector's "Create incidents" option: connecting a subscription with it on
 * enables the workspace's rule "Create incidents based on Azure Defender for IOT alerts" (made
 * from its template the first time); connecting with it off disables that rule unless another
 * subscription of the workspace is connected with it on. Disconnecting leaves the rule as it is:
 * no alerts of that subscription arrive any more, and the rule may serve others.
 */
public final class CreateIncidentsOption implements ConnectionListener {
    private final TemplateRuleSwitch rules;
    private final DefenderForIotConnector connector;

    public CreateIncidentsOption(TemplateRuleSwitch rules, DefenderForIotConnector connector) {
        this.rules = rules;
        this.connector = connector;
    }

    @Override
    public void connected(String workspaceId, String subscriptionId, boolean createIncidents) {
        if (createIncidents) {
            rules.enable(workspaceId, AlertRuleTemplates.IOT_INCIDENT_CREATION);
        } else if (!anotherWantsIncidents(workspaceId, subscriptionId)) {
            rules.disable(workspaceId, AlertRuleTemplates.IOT_INCIDENT_CREATION);
        }
    }

    @Override
    public void disconnected(String workspaceId, String subscriptionId, boolean createIncidents) {
        // the rule stays: see the class comment
    }

    private boolean anotherWantsIncidents(String workspaceId, String subscriptionId) {
        return connector.subscriptions(workspaceId, id -> !id.equals(subscriptionId)).stream()
                .anyMatch(CreateIncidentsOption::wantsIncidents);
    }

    private static boolean wantsIncidents(SubscriptionState subscription) {
        return subscription.connected() && subscription.createIncidents().orElse(false);
    }
}
