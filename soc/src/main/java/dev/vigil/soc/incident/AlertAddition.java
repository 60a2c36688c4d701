package dev.vigil.soc.incident;

import java.util.List;
import java.util.Objects;

/**
 * Alerts joining an incident. An alert the incident has already (same SystemAlertId) replaces
 * its earlier version; nothing new means no change.
 *
 * @param relatedAnalyticRuleIds rules to add to the incident's related rules
 * @param reopenClosed whether a Closed incident becomes Active again; otherwise the alerts join it and it stays Closed
 * @param modifiedBy recorded as the change's {@code ModifiedBy}, e.g. the rule's name
 */
public record AlertAddition(List<IncidentAlert> alerts, List<String> relatedAnalyticRuleIds, boolean reopenClosed, String modifiedBy) {
    public AlertAddition {
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new InvalidIncidentException("adding alerts to an incident needs at least one alert");
        }
        relatedAnalyticRuleIds = List.copyOf(relatedAnalyticRuleIds);
        Objects.requireNonNull(modifiedBy, "modifiedBy");
    }
}
