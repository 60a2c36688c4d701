package dev.vigil.soc.incident;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create an incident from. Build one with {@link #of} and the {@code with} methods.
 *
 * @param key makes the create idempotent: an incident already created for this key is returned
 *     instead, e.g. the alert's SystemAlertId, or the rule id and grouping key
 * @param status New or Active
 * @param createdBy recorded as {@code ModifiedBy} of the first row, e.g. the rule's name
 */
public record NewIncident(String key, String title, String description, IncidentSeverity severity, IncidentStatus status,
        IncidentOwner owner, List<IncidentLabel> labels, List<IncidentAlert> alerts, List<String> relatedAnalyticRuleIds,
        Optional<IncidentGrouping> grouping, String createdBy) {

    public NewIncident {
        if (key == null || key.isBlank()) {
            throw new InvalidIncidentException("creating an incident needs a non-empty key");
        }
        title = Incident.checkedTitle(title);
        description = Incident.checkedDescription(description);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        if (status == IncidentStatus.CLOSED) {
            throw new InvalidIncidentException("an incident is created New or Active, not Closed");
        }
        Objects.requireNonNull(owner, "owner");
        labels = List.copyOf(labels);
        alerts = List.copyOf(alerts);
        relatedAnalyticRuleIds = List.copyOf(relatedAnalyticRuleIds);
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** A New, unassigned incident without labels, alerts, rules or grouping. */
    public static NewIncident of(String key, String title, IncidentSeverity severity, String createdBy) {
        return new NewIncident(key, title, "", severity, IncidentStatus.NEW, IncidentOwner.UNASSIGNED, List.of(), List.of(), List.of(),
                Optional.empty(), createdBy);
    }

    public NewIncident withDescription(String text) {
        return new NewIncident(key, title, text, severity, status, owner, labels, alerts, relatedAnalyticRuleIds, grouping, createdBy);
    }

    public NewIncident withStatus(IncidentStatus value) {
        return new NewIncident(key, title, description, severity, value, owner, labels, alerts, relatedAnalyticRuleIds, grouping, createdBy);
    }

    public NewIncident withOwner(IncidentOwner value) {
        return new NewIncident(key, title, description, severity, status, value, labels, alerts, relatedAnalyticRuleIds, grouping, createdBy);
    }

    public NewIncident withLabels(List<IncidentLabel> value) {
        return new NewIncident(key, title, description, severity, status, owner, value, alerts, relatedAnalyticRuleIds, grouping, createdBy);
    }

    public NewIncident withAlerts(List<IncidentAlert> value) {
        return new NewIncident(key, title, description, severity, status, owner, labels, value, relatedAnalyticRuleIds, grouping, createdBy);
    }

    public NewIncident withRelatedAnalyticRuleIds(List<String> value) {
        return new NewIncident(key, title, description, severity, status, owner, labels, alerts, value, grouping, createdBy);
    }

    public NewIncident withGrouping(IncidentGrouping value) {
        return new NewIncident(key, title, description, severity, status, owner, labels, alerts, relatedAnalyticRuleIds, Optional.of(value),
                createdBy);
    }
}
